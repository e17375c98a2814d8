// What GitHub's and GitLab's lenient parsers accept is never reported as broken: flow collections closed at the
// parent's indentation, lone CR line ends; a broken document reports one error, not a cascade.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isScalar, visit } from 'yaml';
import { Analyzer } from '../../server/src/engine/index.js';
import { parseYaml, reindentFlows } from '../../server/src/parsers/yaml.js';
import { assertLinear } from '../helpers/complexity.js';

/** Every scalar's value and the source text its range covers. */
function scalars(text: string): [unknown, string][] {
  const out: [unknown, string][] = [];
  for (const doc of parseYaml(text).docs) {
    visit(doc, {
      Scalar(_k, n) {
        if (isScalar(n) && n.range) out.push([n.value, text.slice(n.range[0], n.range[1])]);
      },
    });
  }
  return out;
}

const MATRIX = [
  'test:',
  '  parallel:',
  '    matrix:',
  '      - PROVIDER: [',
  '          aws,',
  '          "gcp"',
  '      ]',
  '        STACK: [monitoring,',
  '      app]',
  '  image: node:latest',
  '  script:',
  '    - curl -fsSL https://get.example.com | sh',
  '',
].join('\n');

describe('lenient YAML', () => {
  it('a flow sequence closed at the parent indentation (GitLab parallel:matrix:) parses without errors', () => {
    const r = parseYaml(MATRIX);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.docs[0]!.toJS(), {
      test: { parallel: { matrix: [{ PROVIDER: ['aws', 'gcp'], STACK: ['monitoring', 'app'] }] }, image: 'node:latest', script: ['curl -fsSL https://get.example.com | sh'] },
    });
  });

  it('ranges after the re-read point at the text as written', () => {
    for (const [value, source] of scalars(MATRIX)) assert.equal(source.replace(/^"|"$/g, ''), String(value));
  });

  it('rules after such a flow still run (findings in the rest of the file)', () => {
    const r = new Analyzer().analyze({ path: '.gitlab-ci.yml', text: MATRIX });
    assert.deepEqual(r.parseErrors, []);
    const ids = r.findings.map((f) => f.ruleId);
    assert.ok(ids.includes('image-latest') && ids.includes('download-and-execute'), ids.join(', '));
    const latest = r.findings.find((f) => f.ruleId === 'image-latest')!;
    assert.equal(MATRIX.slice(latest.range.start, latest.range.end), 'node:latest');
  });

  it('a flow mapping closed at the parent indentation, and flows inside sequences', () => {
    const text = 'job:\n  variables: {\n    A: 1,\n    B: 2\n  }\n  tags: [a,\n  b]\n';
    assert.deepEqual(parseYaml(text).errors, []);
    assert.deepEqual(parseYaml(text).docs[0]!.toJS(), { job: { variables: { A: 1, B: 2 }, tags: ['a', 'b'] } });
  });

  it('brackets inside quotes, comments and block scalars are not flows', () => {
    const text = 'a: "[x"\nb: \'[y\'\nc: |\n  [z\n  ]\n# [w\nd: [1,\n2]\n';
    const r = parseYaml(text);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.docs[0]!.toJS(), { a: '[x', b: '[y', c: '[z\n]\n', d: [1, 2] });
  });

  it('the re-indented text maps back: every offset lands on the same character', () => {
    const re = reindentFlows(MATRIX)!;
    assert.ok(re.text.length > MATRIX.length);
    for (let i = 0; i < re.text.length; i++) {
      const o = re.toSource(i);
      assert.ok(o >= 0 && o <= MATRIX.length);
      if (re.text[i] !== ' ' && re.text[i] !== '\n') assert.equal(MATRIX[o], re.text[i], `offset ${i}`);
    }
  });

  it('a re-read flow holding a pair with no key or value (`? ` alone) maps back without throwing', () => {
    // Found by the mutation fuzz: the re-read document visits the missing node as null.
    const r = parseYaml('a:\n  b: [x,\n  ? ]\n');
    assert.deepEqual(r.docs[0]!.toJS(), { a: { b: ['x', { '': null }] } });
  });

  it('valid YAML needs no re-read (nothing to re-indent)', () => {
    assert.equal(reindentFlows('a: [1, 2]\nb:\n  - [3,\n     4]\n'), undefined);
  });

  it('lone CR line ends are line breaks: findings, and ranges on the text as written', () => {
    const text = 'on: push\rjobs:\r  a:\r    runs-on: ubuntu-latest\r    container: node:latest\r    steps:\r      - run: echo\r';
    const r = new Analyzer().analyze({ path: '.github/workflows/ci.yml', text });
    assert.deepEqual(r.parseErrors, []);
    const f = r.findings.find((x) => x.ruleId === 'image-latest');
    assert.ok(f, r.findings.map((x) => x.ruleId).join(', '));
    assert.equal(text.slice(f.range.start, f.range.end), 'node:latest');
  });

  it('a broken document reports its first error and a count, not a cascade', () => {
    const text = 'a: [\nb: 1\nc: {\nd: "x\ne: 2\n';
    const r = parseYaml(text);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0]!.message, /more problems? after it/);
    const two = parseYaml('a: b: c\nd: e: f\n---\nx: y: z\n');
    assert.equal(two.errors.length, 2, 'one per document');
    assert.match(two.errors[0]!.message, /1 more problem after it/);
  });

  it('the re-read is linear in the number of flows', () => {
    const make = (n: number): string => `job:\n  parallel:\n    matrix:\n${'      - A: [\n          x,\n      ]\n'.repeat(n)}`;
    assert.deepEqual(parseYaml(make(10)).errors, []);
    assertLinear('re-indented YAML', make, (t) => void parseYaml(t), 500);
  });
});
