// The one-pass keyword automaton says exactly what `includes` over every keyword would, for any keyword groups and
// any text; the detector table's prefilter built on it never skips a detector whose keyword the text holds.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { KeywordGroups } from '../../server/src/core/keywords.js';
import { DETECTORS } from '../../server/src/models/secrets/index.js';

function expected(groups: readonly (readonly string[])[], text: string): number[] {
  return groups.flatMap((g, i) => (g.some((k) => text.includes(k)) ? [i] : []));
}

describe('KeywordGroups', () => {
  it('finds overlapping, nested and suffix keywords (failure links carry outputs)', () => {
    const groups = [['he'], ['she'], ['hers'], ['his'], ['e'], ['xyz', 'rs']];
    const k = new KeywordGroups(groups);
    assert.deepEqual(k.present('ushers'), [0, 1, 2, 4, 5]);
    assert.deepEqual(k.present('ahishe'), [0, 1, 3, 4]);
    assert.deepEqual(k.present(''), []);
    assert.deepEqual(k.present('HE SHE'), [], 'case-sensitive');
  });

  it('treats an empty keyword as present everywhere, and units outside every keyword as resets', () => {
    const k = new KeywordGroups([[''], ['ab', ''], [], ['ab']]);
    assert.deepEqual(k.present(''), [0, 1]);
    assert.deepEqual(k.present('a\u{1F600}b a€b'), [0, 1]);
    assert.deepEqual(k.present('€ab'), [0, 1, 3], 'each group once');
  });

  it('agrees with includes for random groups and texts', () => {
    const unit = fc.constantFrom('a', 'b', 'c', '_', '-', '.', 'A', '€', '\n');
    const word = fc.array(unit, { minLength: 1, maxLength: 5 }).map((u) => u.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(word, { maxLength: 4 }), { minLength: 1, maxLength: 8 }), fc.array(unit, { maxLength: 60 }), (groups, text) => {
        const t = text.join('');
        assert.deepEqual(new KeywordGroups(groups).present(t), expected(groups, t));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with includes when the table outgrows 16-bit rows (hundreds of distinct characters)', () => {
    const alphabet = Array.from({ length: 400 }, (_, i) => String.fromCharCode(0x400 + i));
    const words = Array.from({ length: 300 }, (_, i) => alphabet[i]! + alphabet[(i * 7) % 400]! + alphabet[(i * 13) % 400]!);
    const groups = Array.from({ length: 30 }, (_, g) => words.slice(g * 10, g * 10 + 10));
    const k = new KeywordGroups(groups);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...alphabet.slice(0, 40)), fc.constant('x')), { maxLength: 40 }), (parts) => {
        const t = parts.join('');
        assert.deepEqual(k.present(t), expected(groups, t));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with includes over the detector table, on texts made of keyword pieces', () => {
    const groups = DETECTORS.map((d) => d.keywords);
    const k = new KeywordGroups(groups);
    const pieces = [...new Set(groups.flat())].flatMap((w) => [w, w.slice(0, -1), w.slice(1)]).filter((w) => w.length > 0);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(' ', '=', 'x', ':', '"')), { maxLength: 30 }), (parts) => {
        const t = parts.join('');
        assert.deepEqual(k.present(t), expected(groups, t));
      }),
      { numRuns: 1000 },
    );
  });

  it('property: presentInEdit over a sequence of edits of a large text equals present, and keeps the hits of a whole scan', () => {
    const groups = [['ghp_'], ['AKIA', 'ASIA'], ['xox'], ['-----BEGIN'], ['sk-'], ['a'], ['-']];
    const pieces = [...new Set(groups.flat())].flatMap((w) => [w, w.slice(0, -1), w.slice(1)]).filter((w) => w.length > 0);
    // A large text (presentInEdit keeps hits from 64 kB on) with a few keywords far apart, so edits add and remove them.
    const filler = 'name: build step\n  run: echo ok\n'.repeat(2400).replace(/a/g, 'e');
    const base = `ghp_${filler.slice(0, 30_000)}AKIA${filler.slice(30_000)}xox`;
    const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 12 }), insert: fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(' ', '\n', 'x', '-')), { maxLength: 4 }) });
    const k = new KeywordGroups(groups);
    /** The hits of a whole scan, without the groups of one-character keywords (which are not kept). */
    const wholeHits = (t: string): number[] => {
      const out: number[] = [];
      k.hits(t, 0, t.length, out);
      return out;
    };
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 9, arbitrary: edit }, { weight: 1, arbitrary: fc.constant('unrelated' as const) }), { minLength: 1, maxLength: 12 }), (steps) => {
        let t = base;
        let last = 0;
        let state = k.presentInEdit(t, undefined).state;
        for (const step of steps) {
          if (step === 'unrelated') {
            // the state of another text: most of it differs, so the scan is whole
            state = k.presentInEdit(`sk-${filler}`, undefined).state;
          } else {
            // Mostly where the last edit was (typing: a keyword typed, then cut again), else anywhere, towards the start.
            const at = step.at < 0.6 ? Math.max(0, Math.min(t.length, last + Math.round(step.at * 20) - 6)) : Math.floor(step.at * step.at * t.length);
            last = at;
            t = t.slice(0, at) + step.insert.join('') + t.slice(Math.min(t.length, at + step.remove));
          }
          const r = k.presentInEdit(t, state);
          assert.deepEqual(r.groups, k.present(t));
          assert.ok(r.state);
          assert.deepEqual([...r.state.hits], wholeHits(t));
          state = r.state;
        }
      }),
      { numRuns: 200, seed: 20261207 },
    );
    assert.equal(k.presentInEdit('small', undefined).state, undefined, 'a small text keeps no state');
  });
});
