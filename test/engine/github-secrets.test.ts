// scalarsUnder: the scalar list two secrets rules and secretReads walk (a list now, where it was nested generators).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scalarsUnder } from '../../server/src/models/github-secrets.js';
import { parseYaml } from '../../server/src/parsers/yaml.js';

const texts = (node: unknown, keys?: boolean): string[] => scalarsUnder(node, keys).map((s) => s.text);

describe('scalarsUnder', () => {
  const doc = parseYaml('a: 1\nb:\n  - x\n  - {c: y, d: [z, true]}\ne: ~\n').docs[0]!.contents;
  it('lists keys and values in document order (numbers and booleans as text, null left out)', () => {
    assert.deepEqual(texts(doc), ['a', '1', 'b', 'x', 'c', 'y', 'd', 'z', 'true', 'e']);
  });
  it('lists values only when keys is false', () => {
    assert.deepEqual(texts(doc, false), ['1', 'x', 'y', 'z', 'true']);
  });
  it('stops 40 levels down', () => {
    const deep = parseYaml(`${'['.repeat(45)}v${']'.repeat(45)}\n`).docs[0]!.contents;
    assert.deepEqual(texts(deep), []);
    const shallow = parseYaml(`${'['.repeat(40)}v${']'.repeat(40)}\n`).docs[0]!.contents;
    assert.deepEqual(texts(shallow), ['v']);
  });
});
