// The plain-JavaScript SHA-256 behind finding fingerprints (core/sha256.ts: loading node:crypto costs the CLI's cold
// start ~6 ms, docs/decisions/0007-fingerprint-hash.md) is SHA-256: compared with node:crypto.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sha256Hex } from '../../server/src/core/sha256.js';

const node = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('is SHA-256 of the UTF-8 bytes: known vectors', () => {
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('equals node:crypto at every length around the block boundaries, and for a long text', () => {
    for (let n = 0; n <= 200; n++) assert.equal(sha256Hex('é'.repeat(n >> 1) + 'x'.repeat(n)), node('é'.repeat(n >> 1) + 'x'.repeat(n)), `length ${n}`);
    const long = 'ab\0c€😀'.repeat(5000);
    assert.equal(sha256Hex(long), node(long));
    // after a long text the reused buffer holds old bytes: a short one must not see them
    assert.equal(sha256Hex('short'), node('short'));
  });

  it('equals node:crypto for any text, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => sha256Hex(s) === node(s)), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 100 }), (s) => sha256Hex(s) === node(s)), { numRuns: 500 });
  });
});
