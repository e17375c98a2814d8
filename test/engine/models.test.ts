// Building blocks: line index, image references, build-arg substitution, ref classification.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/text.js';
import { redact } from '../../server/src/core/redact.js';
import { substitute } from '../../server/src/models/dockerfile.js';
import { parseImageRef } from '../../server/src/models/image-ref.js';
import { classifyRef } from '../../server/src/models/source-file.js';

describe('LineIndex', () => {
  const text = 'ab\r\ncd\n\nxyz';
  const li = new LineIndex(text);
  it('maps offsets and positions both ways', () => {
    assert.equal(li.lineCount, 4);
    assert.deepEqual(li.positionAt(5), { line: 1, character: 1 });
    assert.equal(li.offsetAt({ line: 3, character: 2 }), 10);
    for (let o = 0; o <= text.length; o++) assert.equal(li.offsetAt(li.positionAt(o)), o);
  });
  it('line text excludes the line end, CRLF included', () => {
    assert.equal(li.lineText(0), 'ab');
    assert.equal(li.lineText(2), '');
    assert.equal(li.lineText(3), 'xyz');
  });
  it('a lone CR ends a line, as in LSP', () => {
    const cr = new LineIndex('a\rb\r\nc\nd');
    assert.equal(cr.lineCount, 4);
    assert.deepEqual(cr.positionAt(2), { line: 1, character: 0 });
    assert.deepEqual([0, 1, 2, 3].map((l) => cr.lineText(l)), ['a', 'b', 'c', 'd']);
  });
  it('clamps out-of-range input', () => {
    assert.deepEqual(li.positionAt(999), { line: 3, character: 3 });
    assert.equal(li.offsetAt({ line: 0, character: 99 }), 4);
    assert.equal(li.offsetAt({ line: 99, character: 0 }), text.length);
  });
});

describe('parseImageRef', () => {
  const cases: [string, object | undefined][] = [
    ['node', { repository: 'node' }],
    ['node:20-alpine', { repository: 'node', tag: '20-alpine' }],
    ['library/node:20', { repository: 'library/node', tag: '20' }],
    ['ghcr.io/org/app:1.2', { registry: 'ghcr.io', repository: 'org/app', tag: '1.2' }],
    ['localhost:5000/app', { registry: 'localhost:5000', repository: 'app' }],
    ['localhost:5000/app:2', { registry: 'localhost:5000', repository: 'app', tag: '2' }],
    [`app@sha256:${'a'.repeat(64)}`, { repository: 'app', digest: `sha256:${'a'.repeat(64)}` }],
    ['app:1@sha256:ab', { repository: 'app', tag: '1', digest: 'sha256:ab' }],
    ['', undefined],
    ['node:', undefined],
    ['a b', undefined],
  ];
  for (const [raw, want] of cases) it(`'${raw}'`, () => assert.deepEqual(parseImageRef(raw), want));
});

describe('substitute (Dockerfile build args)', () => {
  const vars = new Map<string, string | undefined>([
    ['V', '20'],
    ['EMPTY', ''],
    ['NOVALUE', undefined],
  ]);
  const cases: [string, string | undefined][] = [
    ['node:${V}', 'node:20'],
    ['node:$V', 'node:20'],
    ['node:${NOVALUE}', undefined],
    ['node:${UNDECLARED:-18}', 'node:18'],
    ['node:${EMPTY:-18}', 'node:18'],
    ['node:${EMPTY-18}', 'node:'],
    ['node:${NOVALUE:-18}', undefined],
    ['node${V:+-alpine}', 'node-alpine'],
    ['node${UNDECLARED:+-alpine}', 'node'],
    ['plain', 'plain'],
  ];
  for (const [raw, want] of cases) it(`'${raw}' → ${want}`, () => assert.equal(substitute(raw, vars), want));
});

describe('classifyRef', () => {
  const cases: [string | undefined, string][] = [
    ['b4ffde65f46336ab88eb53be808477a3936bae11', 'sha'],
    ['b4ffde6', 'short-sha'],
    ['v4', 'version'],
    ['v4.1.1', 'version'],
    ['1.2.3-beta.1', 'version'],
    ['main', 'branch'],
    ['feature/x', 'branch'],
    ['release-candidate', 'other'],
    ['20240115', 'version'],
    [undefined, 'none'],
  ];
  for (const [ref, want] of cases) it(`${ref} → ${want}`, () => assert.equal(classifyRef(ref), want));
});

describe('redact', () => {
  it('keeps at most 8 characters of a value', () => {
    assert.equal(redact('AKIAZ7VRSQ5TJHNLBX4D'), 'AKIA…BX4D');
    assert.equal(redact('short'), 's…');
    assert.equal(redact('k9Xq2Lr7Vw'), 'k9…');
  });
});
