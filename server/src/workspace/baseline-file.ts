// Baseline files on disk and the hash behind fingerprints (SHA-256, from Node: the engine imports no Node modules).

import { existsSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { nodeCrypto } from './node-crypto.js';
import type { Range } from '../core/types.js';
import { readSmallText } from './safe-read.js';
import { BASELINE_FILE_NAME, fingerprint, parseBaseline, type Baseline, type BaselineEntry, type ParsedBaseline } from '../engine/baseline.js';

/** 128 bits of SHA-256 in hex: a fingerprint, not a secret's stand-in that could be reversed. */
export function sha256Fingerprint(material: string): string {
  return nodeCrypto().createHash('sha256').update(material, 'utf8').digest('hex').slice(0, 32);
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
  const read = readSmallText(path, 256 * 1024 * 1024);
  return 'error' in read ? { error: `cannot read: ${read.error}` } : parseBaseline(read.text);
}

export function writeBaselineFile(path: string, baseline: Baseline): void {
  writeFileSync(path, `${JSON.stringify(baseline, null, 2)}\n`);
}

export function baselineRoot(baselineFile: string): string {
  return dirname(baselineFile);
}

/**
 * Baselines at workspace-folder roots for the language server, read once and kept until a baseline file
 * changes; entries grouped by path so a keystroke looks at one file's entries only.
 */
export class BaselineStore {
  private readonly byRoot = new Map<string, ReadonlyMap<string, readonly BaselineEntry[]> | undefined>();

  constructor(private readonly onError: (file: string, message: string) => void = () => {}) {}

  /** The baseline entries for `path` (as a baseline at `root` stores it), if there is a baseline there. */
  entriesFor(root: string, path: string): readonly BaselineEntry[] | undefined {
    if (!this.byRoot.has(root)) this.byRoot.set(root, this.load(root));
    return this.byRoot.get(root)?.get(path);
  }

  clear(): void {
    this.byRoot.clear();
  }

  private load(root: string): ReadonlyMap<string, readonly BaselineEntry[]> | undefined {
    const file = join(root, BASELINE_FILE_NAME);
    if (!existsSync(file)) return undefined;
    const parsed = readBaselineFile(file);
    if (parsed.error !== undefined) {
      this.onError(file, parsed.error);
      return undefined;
    }
    const map = new Map<string, BaselineEntry[]>();
    for (const e of parsed.baseline.findings) {
      const list = map.get(e.path);
      if (list) list.push(e);
      else map.set(e.path, [e]);
    }
    return map;
  }
}
