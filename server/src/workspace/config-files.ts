// Finding and reading `.forewarn.yml` on disk; shared by the language server and the CLI.

import { existsSync, lstatSync } from 'node:fs';
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
