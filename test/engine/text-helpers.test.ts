// Helpers of core/ (text, regex, memo) that replace an allocation or a regex on hot paths: each must equal what it replaces.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detached, memoByString } from '../../server/src/core/memo.js';
import { matchesOf } from '../../server/src/core/regex.js';
import { isJsSpace, sliceEquals } from '../../server/src/core/text.js';
import { alignOffsets } from '../../server/src/models/scripts.js';

describe('sliceEquals', () => {
  it('equals text.slice(start, end) === value for any offsets, negative and out of range too', () => {
    const short = fc.string({ maxLength: 8, unit: fc.constantFrom('a', 'b', ' ', '"') });
    fc.assert(
      fc.property(short, fc.integer({ min: -12, max: 12 }), fc.integer({ min: -12, max: 12 }), short, (text, start, end, value) => {
        assert.equal(sliceEquals(text, start, end, value), text.slice(start, end) === value);
      }),
      { numRuns: 3000 },
    );
  });
  it('compares the slice, not a prefix of it', () => {
    assert.equal(sliceEquals('"abc"', 1, 4, 'abc'), true);
    assert.equal(sliceEquals('"abc"', 1, 4, 'ab'), false);
    assert.equal(sliceEquals('"abc"', 1, 5, 'abc'), false);
    assert.equal(sliceEquals('abc', 2, 1, ''), true);
  });
});

describe('isJsSpace', () => {
  it('equals /\\s/ on every UTF-16 unit', () => {
    for (let c = 0; c <= 0xffff; c++) assert.equal(isJsSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });
});

describe('alignOffsets', () => {
  it('maps written-as-is, indented and Unicode-spaced text as the regex version did', () => {
    assert.deepEqual([...alignOffsets('a b', 'a b', 10)], [10, 11, 12, 13]);
    assert.deepEqual([...alignOffsets('ab', 'a\u00a0\u2003b', 0)], [0, 3, 4]);
    assert.deepEqual([...alignOffsets('x\ny', '|\n  x\n  y', 5)], [9, 10, 13, 14]);
  });
});

describe('terraformAssignments line prefilters', () => {
  it('find what trying every pattern on every line finds, on generated Terraform-like text', async () => {
    const { terraformAssignments } = await import('../../server/src/models/assignments.js');
    const piece = fc.constantFrom(
      'resource "aws_db_instance" "db" {', 'variable "password" {', 'locals {', '}', '{', '  password = "hunter2"', 'default = "x"',
      'tags = {', '  "Name" = "a"', 'env = { A = "b" }', 'x = <<EOF', 'x = <<-EOT', 'EOF', 'EOT', '# c {', '// d }', '/* e', '*/',
      '  key = "a\\"b" # note', 'a = "{"', 'b = "}"', 'c = "unterminated {', '  ', '\t{\t', 'k = 1', 'block "a" "b" {  ', 's = "$${x}"',
    );
    const eol = fc.constantFrom('\n', '\r\n');
    const text = fc.array(fc.tuple(piece, eol), { maxLength: 30 }).map((ls) => ls.map(([l, e]) => l + e).join(''));
    fc.assert(
      fc.property(text, (t) => assert.deepEqual(terraformAssignments(t), terraformAssignments(t, false))),
      { numRuns: 1500 },
    );
  });
});

describe('matchesOf', () => {
  const flat = (ms: Iterable<RegExpExecArray>): [number, string[]][] => [...ms].map((m) => [m.index, [...m]]);
  it('gives what matchAll gives, for expressions that can match empty too', () => {
    const sources = ['a+', 'a*', '(?:)', '\\b', '(a)|(b)', '(?<=a)b?', 'x*?', '\\p{L}*'];
    const text = fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', 'x', ' ', '😀', 'é') });
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.constantFrom('g', 'gu', 'gy', 'gi'), text, (source, flags, s) => {
        if (source.includes('\\p') && !flags.includes('u')) return;
        const re = new RegExp(source, flags);
        assert.deepEqual(flat(matchesOf(re, s)), flat(s.matchAll(new RegExp(source, flags))));
        assert.equal(re.lastIndex, 0);
      }),
      { numRuns: 2000 },
    );
  });
  it('starts at 0 whatever lastIndex was, and leaves it 0 while the caller holds a match and after a break', () => {
    const re = /\d/g;
    re.lastIndex = 3;
    const seen: number[] = [];
    for (const m of matchesOf(re, '1a2b3')) {
      assert.equal(re.lastIndex, 0);
      seen.push(m.index);
      if (seen.length === 2) break;
    }
    assert.deepEqual(seen, [0, 2]);
    assert.equal(re.lastIndex, 0);
  });
  it('lets the caller use the same expression, for another scan, between matches', () => {
    const re = /[a-z]+/g;
    const out: string[] = [];
    for (const m of matchesOf(re, 'ab cd')) {
      out.push(m[0]);
      for (const inner of matchesOf(re, 'x y')) out.push(inner[0]);
      assert.equal(re.test('zz'), true); // leaves lastIndex at 2: the scan resumes from its own position
    }
    assert.deepEqual(out, ['ab', 'x', 'y', 'cd', 'x', 'y']);
  });
  it('refuses an expression that is neither global nor sticky (it would never end)', () => {
    assert.throws(() => [...matchesOf(/a/, 'aaa')], /global/);
  });
});

describe('memoByString', () => {
  it('computes each string once, undefined answers included, and gives back the same answer object', () => {
    const asked: string[] = [];
    const f = memoByString(10, (s) => {
      asked.push(s);
      return s.startsWith('x') ? undefined : { s };
    });
    const a = f('ab');
    assert.equal(f('a' + 'b'.repeat(1)), a);
    assert.equal(f('xy'), undefined);
    assert.equal(f('xy'), undefined);
    assert.deepEqual(asked, ['ab', 'xy']);
  });
  it('is bounded: emptied when full, then answers again from compute', () => {
    let calls = 0;
    const f = memoByString(3, (s) => (calls++, s.length));
    for (const s of ['a', 'bb', 'ccc']) f(s);
    f('a');
    assert.equal(calls, 3);
    f('dddd'); // the fourth string empties it
    f('a');
    assert.equal(calls, 5);
    assert.equal(f('dddd'), 4);
    assert.equal(calls, 5);
  });
});

describe('detached', () => {
  it('is the same text, and a remembered slice does not keep the text it was cut from alive', () => {
    // A collection on demand, to compare the heap: the flag only makes `gc` available to a new context.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heldBy = (remember: (piece: string) => void): number => {
      gc();
      const before = process.memoryUsage().heapUsed;
      for (let i = 0; i < 40; i++) {
        const text = `${String(i).padStart(6, '0')}${'x'.repeat(1 << 20)}`;
        const piece = text.slice(0, 40);
        assert.equal(detached(piece), piece);
        remember(piece);
      }
      gc();
      return process.memoryUsage().heapUsed - before;
    };
    const plain = new Map<string, number>();
    const memo = memoByString(1000, (s) => s.length);
    // The control: the pieces themselves, kept, hold their 1 MB texts (40 MB).
    assert.ok(heldBy((p) => plain.set(p, 0)) > 30 << 20);
    assert.ok(heldBy(memo) < 4 << 20);
    assert.equal(memo(`${'0'.repeat(5)}1${'x'.repeat(34)}`), 40);
  });
});
