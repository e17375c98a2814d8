// Deterministic look-alike tokens for the detectors' samples: random-looking, never real, checksums computed.

import { base62, bech32Checksum, crc32, stripPadding } from './checksums.js';

export const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const HEX = '0123456789abcdef';
export const B64 = `${ALNUM}+/`;
export const B64URL = `${ALNUM}_-`;

/**
 * How many tokens `fake` has made in this process: the detectors build their samples when asked (tests, docs), never
 * at load, which a test checks with this (they are ~300 tokens with checksums, work a cold start does not need).
 */
export let fakeCalls = 0;

/** `length` characters of `alphabet`, the same for the same seed. */
export function fake(seed: string, length: number, alphabet = ALNUM): string {
  fakeCalls++;
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    h = (Math.imul(h, 1664525) + 1013904223) >>> 0;
    out += alphabet[(h >>> 8) % alphabet.length];
  }
  return out;
}

/** A GitHub classic / npm style token body: 30 random characters and their CRC32 in base62. */
export function withCrc32(seed: string): string {
  const random = fake(seed, 30);
  return random + base62(crc32(random), 6);
}

/** A bech32 string with a valid checksum, upper-cased (age secret keys). */
export function bech32Upper(hrp: string, seed: string, dataLength: number): string {
  const data = fake(seed, dataLength, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l');
  return `${hrp}1${data}${bech32Checksum(hrp, data)}`.toUpperCase();
}

export function b64url(s: string): string {
  return stripPadding(btoa(s).replace(/\+/g, '-').replace(/\//g, '_'));
}
