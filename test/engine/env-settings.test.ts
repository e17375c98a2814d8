// The env-settings model's shortcuts: the text prefilter before the YAML walk, and the Dockerfile list built once.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { dockerfileEnvSettings, mayNameInYaml, yamlEnvSettings, yamlEnvSettingsNamed } from '../../server/src/models/env-settings.js';
import { parseYaml } from '../../server/src/parsers/yaml.js';
import { SourceFile } from '../../server/src/models/source-file.js';

const NAMES: ReadonlySet<string> = new Set(['NODE_TLS_REJECT_UNAUTHORIZED', 'PIP_EXTRA_INDEX_URL']);

/** Pieces of YAML that set (or nearly set) a wanted name in every form the walk reads, plain, quoted and escaped. */
const NAME_SPELLINGS = [
  'NODE_TLS_REJECT_UNAUTHORIZED',
  "'NODE_TLS_REJECT_UNAUTHORIZED'",
  '"NODE_TLS_REJECT_UNAUTHORIZED"',
  '"NODE_TLS_REJECT\\x5FUNAUTHORIZED"',
  '"\\u0050IP_EXTRA_INDEX_URL"',
  '"PIP_EXTRA_\\\n  INDEX_URL"',
  'PIP_EXTRA_INDEX_URL',
  'PIP_EXTRA_INDEX',
  'OTHER_NAME',
  'name',
  'value',
];
const VALUES = ['0', '"0"', "'1'", 'https://pypi.corp/simple', '', '[a, b]', '{x: 1}', '|\n      0'];

const line = fc.oneof(
  fc.tuple(fc.constantFrom(...NAME_SPELLINGS), fc.constantFrom(...VALUES)).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(fc.constantFrom(...NAME_SPELLINGS), fc.constantFrom(...VALUES)).map(([k, v]) => `- ${k}=${v.replace(/\n/g, '')}`),
  fc.tuple(fc.constantFrom(...NAME_SPELLINGS), fc.constantFrom(...VALUES)).map(([k, v]) => `- name: ${k}\n  value: ${v}`),
  fc.tuple(fc.constantFrom(...NAME_SPELLINGS), fc.constantFrom(...VALUES)).map(([k, v]) => `- "${k.replace(/"/g, '')}=${v.replace(/["\n]/g, '')}"`),
);
const block = fc
  .tuple(fc.constantFrom('env', 'variables', 'environment', 'spec'), fc.array(line, { minLength: 1, maxLength: 4 }))
  .map(([key, lines]) => `${key}:\n${lines.map((l) => l.replace(/^/gm, '  ')).join('\n')}\n`);
const yamlText = fc.array(block, { minLength: 1, maxLength: 4 }).map((blocks) => blocks.join(''));

describe('yamlEnvSettingsNamed (text prefilter before the walk)', () => {
  it('finds exactly what the full walk finds, on generated YAML with plain, quoted and escaped names', () => {
    fc.assert(
      fc.property(yamlText, (text) => {
        const docs = parseYaml(text).docs;
        assert.deepEqual(yamlEnvSettingsNamed(text, docs, NAMES), yamlEnvSettings(docs, (n) => NAMES.has(n)));
      }),
      { numRuns: 400 },
    );
  });
  it('walks a text whose only spelling of the name is an escape', () => {
    const text = 'env:\n  "NODE_TLS_REJECT\\x5FUNAUTHORIZED": "0"\n';
    const found = yamlEnvSettingsNamed(text, parseYaml(text).docs, NAMES);
    assert.deepEqual(found.map((s) => [s.name, s.value]), [['NODE_TLS_REJECT_UNAUTHORIZED', '0']]);
  });
  it('skips a text that neither names a variable nor has a backslash', () => {
    assert.equal(mayNameInYaml('env:\n  NODE_TLS: 0\n  "PIP_EXTRA": x\n', NAMES), false);
    assert.equal(mayNameInYaml('env:\n  A: "\\x41"\n', NAMES), true);
    assert.equal(mayNameInYaml('x: PIP_EXTRA_INDEX_URL', NAMES), true);
  });
});

describe('dockerfileEnvSettings', () => {
  it('is built once per parse and lists ENV and ARG settings', () => {
    const file = new SourceFile('Dockerfile', 'FROM a\nARG PIP_EXTRA_INDEX_URL=https://x\nENV A=1 B=2\n', 'dockerfile');
    const first = dockerfileEnvSettings(file.dockerfile!, file.lines);
    assert.equal(dockerfileEnvSettings(file.dockerfile!, file.lines), first);
    assert.deepEqual(first.map((s) => [s.name, s.value]), [['PIP_EXTRA_INDEX_URL', 'https://x'], ['A', '1'], ['B', '2']]);
  });

  it('gives values as the build sees them: quotes and escapes resolved', () => {
    const file = new SourceFile('Dockerfile', 'FROM a\nARG P="https://x"\nENV A="0" B=\'x y\' C=\\"1\\"\nENV D\nENV E "a b"\n', 'dockerfile');
    assert.deepEqual(
      dockerfileEnvSettings(file.dockerfile!, file.lines).map((s) => [s.name, s.value]),
      [['P', 'https://x'], ['A', '0'], ['B', 'x y'], ['C', '"1"'], ['D', undefined], ['E', 'a b']],
    );
  });
});

describe('yamlMayContain (the text prefilter of rules that look for a word in scalars)', () => {
  it('is true whenever some scalar of the parsed text contains the word, however it is quoted, folded or escaped', async () => {
    const { visit } = await import('yaml');
    const { yamlMayContain } = await import('../../server/src/models/yaml-nodes.js');
    const spellings = [
      'secrets', 'SECRETS', 'Secrets.X', 'secr\\u0065ts', 'secr\\\n  ets', 'secr\n  ets', 'fromJSON(x)', 'fromjs\\x6Fn', 'from\n\n  json', 'x', '${{ a }}',
    ];
    const scalar = fc.tuple(fc.constantFrom(...spellings), fc.constantFrom('plain', 'single', 'double', 'literal', 'folded')).map(([w, style]) => {
      switch (style) {
        case 'plain':
          return w.includes('\\') ? 'plain' : w;
        case 'single':
          return `'${w.replace(/\\/g, '')}'`;
        case 'double':
          return `"${w}"`;
        default:
          return `${style === 'literal' ? '|' : '>'}\n    ${w.replace(/\n {2}/g, '\n    ')}`;
      }
    });
    const doc = fc.array(fc.tuple(scalar, scalar), { minLength: 1, maxLength: 5 }).map((pairs) => pairs.map(([k, v], i) => `k${i}${k.startsWith('|') || k.startsWith('>') ? '' : k.replace(/\n/g, ' ')}: ${v}`).join('\n') + '\n');
    for (const word of ['secrets', /secrets/i, /fromjson/i] as const) {
      fc.assert(
        fc.property(doc, (text) => {
          let found = false;
          for (const d of parseYaml(text).docs) {
            visit(d, {
              Scalar(_k, node) {
                const v = String(node.value);
                if (typeof word === 'string' ? v.includes(word) : word.test(v)) found = true;
              },
            });
          }
          if (found) assert.equal(yamlMayContain(text, word), true, text);
        }),
        { numRuns: 400 },
      );
    }
  });
  it('is false for a text without the word or a backslash', async () => {
    const { yamlMayContain } = await import('../../server/src/models/yaml-nodes.js');
    assert.equal(yamlMayContain('run: echo "${{ github.sha }}"\n', /secrets/i), false);
    assert.equal(yamlMayContain('run: echo "${{ SECRETS.x }}"\n', /secrets/i), true);
    assert.equal(yamlMayContain('run: "a\\tb"\n', /secrets/i), true);
  });
});
