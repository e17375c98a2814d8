// Baseline files on disk and the hash behind fingerprints (SHA-256, from Node: the engine imports no Node modules).

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import type { Range } from '../core/types.js';
import { fingerprint, parseBaseline, type Baseline, type ParsedBaseline } from '../engine/baseline.js';

/** 128 bits of SHA-256 in hex: a fingerprint, not a secret's stand-in that could be reversed. */
export function sha256Fingerprint(material: string): string {
  return createHash('sha256').update(material, 'utf8').digest('hex').slice(0, 32);
}

/** The fingerprint of a finding in the file at `absPath`, with the path as seen from `root`. */
export function fingerprintAt(root: string, absPath: string, ruleId: string, text: string, range: Range): string {
  return fingerprint(sha256Fingerprint, ruleId, baselinePath(root, absPath), text, range);
}

/** A path as a baseline stores it: relative to the baseline's folder, `/`-separated (absolute outside it). */
export function baselinePath(root: string, absPath: string): string {
  const r = relative(root, absPath);
  return (r === '' || isAbsolute(r) ? absPath : r).split(sep).join('/');
}

export function readBaselineFile(path: string): ParsedBaseline {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { error: `cannot read: ${(e as Error).message}` };
  }
  return parseBaseline(text);
}

export function writeBaselineFile(path: string, baseline: Baseline): void {
  writeFileSync(path, `${JSON.stringify(baseline, null, 2)}\n`);
}

export function baselineRoot(baselineFile: string): string {
  return dirname(baselineFile);
}
