// Baseline fingerprints: stable across line shifts and re-indentation, changed by edits to the finding's line.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BaselineMatcher, createBaseline, fingerprint, fingerprintMaterial, parseBaseline } from '../../server/src/engine/baseline.js';

const id = (s: string) => s;

function fp(text: string, needle: string, path = 'a.yml'): string {
  const start = text.indexOf(needle);
  return fingerprint(id, 'rule-x', path, text, { start, end: start + needle.length });
}

describe('baseline fingerprints', () => {
  const base = 'jobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n';

  it('do not change when lines are inserted above or below, or line ends change', () => {
    const f = fp(base, 'actions/checkout@v4');
    assert.equal(fp(`# header\n\n${base}`, 'actions/checkout@v4'), f);
    assert.equal(fp(base.replace('    steps:\n', '    name: x\n    steps:\n'), 'actions/checkout@v4'), f);
    assert.equal(fp(`${base}      - run: echo hi\n`, 'actions/checkout@v4'), f);
    assert.equal(fp(base.replace(/\n/g, '\r\n'), 'actions/checkout@v4'), f);
  });

  it('do not change with indentation, and change when the finding or its line is edited', () => {
    const f = fp(base, 'actions/checkout@v4');
    assert.equal(fp(base.replace('      - uses', '        - uses'), 'actions/checkout@v4'), f);
    assert.notEqual(fp(base.replace('@v4', '@v5'), 'actions/checkout@v5'), f);
    assert.notEqual(fp(base.replace('- uses:', '- name: c\n        uses:'), 'actions/checkout@v4'), f, 'the line around the match counts');
    assert.notEqual(fp(base, 'actions/checkout@v4', 'b.yml'), f, 'the path counts');
  });

  it('material is bounded on very long lines', () => {
    const long = `x: ${'a'.repeat(100_000)} actions/checkout@v4 ${'b'.repeat(100_000)}\n`;
    const start = long.indexOf('actions/');
    assert.ok(fingerprintMaterial('r', 'p', long, { start, end: start + 19 }).length < 2000);
  });
});

describe('baseline files', () => {
  it('parse what createBaseline makes, sorted; reject malformed ones', () => {
    const b = createBaseline([
      { ruleId: 'z', path: 'b', fingerprint: '2' },
      { ruleId: 'a', path: 'b', fingerprint: '1' },
      { ruleId: 'a', path: 'a', fingerprint: '3' },
    ]);
    assert.deepEqual(b.findings.map((e) => `${e.path}:${e.ruleId}`), ['a:a', 'b:a', 'b:z']);
    assert.deepEqual(parseBaseline(JSON.stringify(b)).baseline, b);
    assert.match(parseBaseline('{').error!, /not valid JSON/);
    assert.match(parseBaseline('{"version":2,"findings":[]}').error!, /unsupported baseline version/);
    assert.match(parseBaseline('{"version":1,"findings":[{"ruleId":1}]}').error!, /findings\[0\]/);
  });

  it('match as a multiset: a second copy of a known finding is new', () => {
    const m = new BaselineMatcher(createBaseline([{ ruleId: 'r', path: 'p', fingerprint: 'f' }]));
    assert.equal(m.take('r', 'p', 'f'), true);
    assert.equal(m.take('r', 'p', 'f'), false);
    assert.equal(m.take('r', 'q', 'f'), false);
  });
});
