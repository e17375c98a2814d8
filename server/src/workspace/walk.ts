// Walking a directory tree the way a developer expects: .gitignore honoured, vendored and tool folders skipped.

import { existsSync, readFileSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Folders never worth scanning: dependencies, tool caches, VCS internals. */
export const DEFAULT_SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.terraform', 'vendor', '.hg', '.svn']);

interface Level {
  readonly dir: string;
  readonly rules: Ignore;
}

/**
 * Yields the files below `root` (absolute paths) that no `.gitignore` on the way excludes.
 * `wanted` filters by path before any file is read.
 */
export function* walkFiles(root: string, wanted: (path: string) => boolean): Generator<string> {
  yield* walkDir(root, ancestorLevels(root));

  function* walkDir(dir: string, levels: readonly Level[]): Generator<string> {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const here = entries.some((e) => e.name === '.gitignore' && e.isFile()) ? gitignoreAt(dir) : undefined;
    const stack = here ? [...levels, { dir, rules: here }] : levels;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(dir, e.name);
      // Symbolic links are not followed: they can loop or lead outside the tree.
      if (e.isDirectory()) {
        if (DEFAULT_SKIPPED_DIRS.has(e.name) || isIgnored(stack, path, true)) continue;
        yield* walkDir(path, stack);
      } else if (e.isFile()) {
        if (wanted(path) && !isIgnored(stack, path, false)) yield path;
      }
    }
  }
}

function gitignoreAt(dir: string, file = '.gitignore'): Ignore | undefined {
  try {
    return ignore().add(readFileSync(join(dir, file), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Inside a git repository, the rules that already apply at `root`: `.git/info/exclude` and the
 * `.gitignore` files of the folders between the repository root and `root`.
 */
function ancestorLevels(root: string): Level[] {
  if (existsSync(join(root, '.git'))) return excludeLevel(root);
  const chain: string[] = [];
  for (let d = dirname(root); ; d = dirname(d)) {
    chain.unshift(d);
    if (existsSync(join(d, '.git'))) break;
    if (dirname(d) === d) return []; // not in a repository: folders above are not the project's
  }
  const levels = excludeLevel(chain[0]!);
  for (const dir of chain) {
    const rules = gitignoreAt(dir);
    if (rules) levels.push({ dir, rules });
  }
  return levels;
}

function excludeLevel(repoRoot: string): Level[] {
  const rules = gitignoreAt(repoRoot, '.git/info/exclude');
  return rules ? [{ dir: repoRoot, rules }] : [];
}

function isIgnored(levels: readonly Level[], path: string, isDir: boolean): boolean {
  for (const { dir, rules } of levels) {
    const rel = relative(dir, path).split(sep).join('/');
    if (rel && rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
