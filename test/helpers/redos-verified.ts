// Regexes recheck has already called safe, by exact source and flags (test/fixtures/redos-verified.json). The default
// run rechecks only new or changed patterns; the full run (FOREWARN_FULL_TESTS=1) rechecks every one, and
// FOREWARN_UPDATE_REDOS=1 with it rewrites the list. A changed pattern is never trusted: its key changes.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FULL } from './test-size.js';
import { REPO } from './lsp-client.js';

const FILE = join(REPO, 'test/fixtures/redos-verified.json');
const UPDATE = process.env.FOREWARN_UPDATE_REDOS === '1';

function key(source: string, flags: string): string {
  return createHash('sha256').update(`${flags}\0${source}`).digest('hex').slice(0, 24);
}

function load(): string[] {
  return existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as { safe: string[] }).safe : [];
}

const known: Set<string> = new Set(load());
const seenSafe = new Set<string>();

/** True when this run must ask recheck about the pattern. */
export function needsRecheck(source: string, flags: string): boolean {
  return FULL || !known.has(key(source, flags));
}

/** Records a safe verdict; with FOREWARN_UPDATE_REDOS=1 the list is written when `flush` is called. */
export function markSafe(source: string, flags: string): void {
  seenSafe.add(key(source, flags));
}

/** Writes the union of the known and newly verified keys (only in an update run). */
export function flushVerified(): void {
  if (!UPDATE) return;
  // Re-read: the other ReDoS test file may have written its verdicts meanwhile.
  const all = [...new Set([...load(), ...known, ...seenSafe])].sort();
  writeFileSync(FILE, `${JSON.stringify({ note: 'sha256(flags \\0 source) of regexes recheck called safe; regenerate: FOREWARN_FULL_TESTS=1 FOREWARN_UPDATE_REDOS=1 node --test out/test/robustness/redos.test.js out/test/secrets/redos.test.js', safe: all }, null, 1)}\n`);
}
