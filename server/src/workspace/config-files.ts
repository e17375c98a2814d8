// Finding and reading `.forewarn.yml` on disk; shared by the language server and the CLI.

import { existsSync, lstatSync, type Dirent } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAMES, DEFAULT_CONFIG, parseConfig, type LoadedConfig } from '../engine/index.js';
import { readSmallText } from './safe-read.js';

/**
 * The nearest config file for files in `dir`: looked for in `dir` and the folders above it, up to the repository
 * root (the nearest folder above with `.git`) and never above `stopAt` (the workspace folder, for the editor).
 * Outside a repository, with no `stopAt`, only `dir` itself counts: a `.forewarn.yml` in `/tmp` or a home folder
 * must not switch rules off for a scan below it.
 *
 * `known` (only with `stopAt`): answers for folders already looked at, filled in for every folder this call climbs
 * through — a workspace of 10,000 folders otherwise repeats the same lookups up the same ancestors for each one.
 * The caller clears it when a config file appears, changes or goes.
 */
export function findConfigFile(dir: string, stopAt?: string, known?: Map<string, string | undefined>): string | undefined {
  const start = resolve(dir);
  const top = stopAt !== undefined ? resolve(stopAt) : (findRepositoryRoot(start) ?? start);
  const memo = stopAt !== undefined ? known : undefined;
  const climbed: string[] = [];
  let result: string | undefined;
  for (let d = start; ; ) {
    if (memo?.has(d)) {
      result = memo.get(d);
      break;
    }
    climbed.push(d);
    result = CONFIG_FILE_NAMES.map((n) => join(d, n)).find(isFile);
    if (result) break;
    if (d === top || existsSync(join(d, '.git'))) break;
    const parent = dirname(d);
    // `top` is not above `dir` (a file outside the folder): nothing beyond `dir` itself.
    if (parent === d || !isAncestor(top, parent)) break;
    d = parent;
  }
  if (memo) for (const d of climbed) memo.set(d, result);
  return result;
}

/**
 * What `findConfigFile(dir, stopAt, known)` would answer, worked out without a look at the disk from the folder's
 * entries (as a walk just read them) and the answer `known` already has for its parent, which a walk visits first.
 * The answer goes into `known`; nothing is set when the entries cannot tell (the parent's answer is not known, or
 * `.git` is a symbolic link, which existsSync would follow). A walk of 50,000 folders otherwise made three calls to
 * lstat or existsSync per folder for names it had just listed.
 */
export function learnConfigFile(dir: string, entries: readonly Dirent[], stopAt: string, known: Map<string, string | undefined>): void {
  if (known.has(dir)) return;
  for (const name of CONFIG_FILE_NAMES) {
    if (entries.some((e) => e.name === name && e.isFile())) {
      known.set(dir, join(dir, name));
      return;
    }
  }
  const top = resolve(stopAt);
  const git = entries.find((e) => e.name === '.git');
  if (git?.isSymbolicLink()) return;
  if (dir === top || git) {
    known.set(dir, undefined);
    return;
  }
  const parent = dirname(dir);
  if (parent === dir || !isAncestor(top, parent)) known.set(dir, undefined);
  else if (known.has(parent)) known.set(dir, known.get(parent));
}

/** The nearest folder at or above `dir` that holds a `.git` entry (a repository root), or undefined. */
export function findRepositoryRoot(dir: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return undefined;
  }
}

function isAncestor(top: string, d: string): boolean {
  return d === top || d.startsWith(top.endsWith(sep) ? top : top + sep);
}

export interface ConfigFile extends LoadedConfig {
  readonly path: string | undefined;
  /** the file's text, for turning error offsets into positions. */
  readonly text: string;
}

export function loadConfigFile(path: string | undefined): ConfigFile {
  if (!path) return { path, text: '', config: DEFAULT_CONFIG, errors: [] };
  const read = readSmallText(path, 1024 * 1024);
  if ('error' in read) {
    return { path, text: '', config: DEFAULT_CONFIG, errors: [{ message: `Cannot read configuration: ${read.error}`, range: { start: 0, end: 0 } }] };
  }
  return { path, text: read.text, ...parseConfig(read.text) };
}

/** A regular file (not a link, FIFO or device: those are never read as configuration). */
function isFile(p: string): boolean {
  try {
    // no exception for the usual answer (no such file): building one per folder cost more than the lookup
    return lstatSync(p, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}
