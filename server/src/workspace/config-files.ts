// Finding and reading `.forewarn.yml` on disk; shared by the language server and the CLI.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, DEFAULT_CONFIG, parseConfig, type LoadedConfig } from '../engine/index.js';

/** The nearest config file at or above `dir`, not going above `stopAt` (nor past a repository root). */
export function findConfigFile(dir: string, stopAt?: string): string | undefined {
  let d = resolve(dir);
  const stop = stopAt === undefined ? undefined : resolve(stopAt);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = join(d, name);
      if (isFile(p)) return p;
    }
    if (d === stop || existsSync(join(d, '.git'))) return undefined;
    const parent = dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}

export interface ConfigFile extends LoadedConfig {
  readonly path: string | undefined;
  /** the file's text, for turning error offsets into positions. */
  readonly text: string;
}

export function loadConfigFile(path: string | undefined): ConfigFile {
  if (!path) return { path, text: '', config: DEFAULT_CONFIG, errors: [] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { path, text: '', config: DEFAULT_CONFIG, errors: [{ message: `Cannot read configuration: ${(e as Error).message}`, range: { start: 0, end: 0 } }] };
  }
  return { path, text, ...parseConfig(text) };
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The nearest folder at or above `dir` that holds a `.git` entry (a repository root), or undefined. */
export function findRepositoryRoot(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    if (existsSync(join(d, '.git'))) return d;
    const parent = dirname(d);
    if (parent === d) return undefined;
    d = parent;
  }
}
