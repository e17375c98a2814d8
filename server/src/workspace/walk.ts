// Walking a directory tree the way a developer expects: .gitignore honoured, vendored and tool folders skipped.

import { existsSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { readSmallText } from './safe-read.js';

/** Folders never worth scanning: dependencies, tool caches, VCS internals. */
export const DEFAULT_SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.terraform', 'vendor', '.hg', '.svn']);

interface Level {
  readonly dir: string;
  readonly rules: Ignore;
}

export interface WalkFilters {
  /** whether to yield a file (called before anything is read). */
  readonly file: (path: string) => boolean;
  /** whether to descend into a folder; default yes. */
  readonly dir?: (path: string) => boolean;
  /**
   * Each folder's entries as the walk reads them, the root's included. With it, a folder is read before `dir` is
   * asked about it, so that `dir` may use what `listed` learnt (the scan finds config files this way).
   */
  readonly listed?: (dir: string, entries: readonly Dirent[]) => void;
}

/**
 * Yields the files below `root` (absolute paths) that no `.gitignore` on the way excludes.
 * `root` itself was asked for by name, so rules that ignore it as a whole do not apply.
 */
export function* walkFiles(root: string, filters: WalkFilters): Generator<string> {
  const above = ancestorLevels(root);
  const entries = list(root);
  if (!entries) return;
  filters.listed?.(root, entries);
  yield* walkDir(root, entries, isIgnored(above, root, true) ? [] : above);

  function* walkDir(dir: string, entries: Dirent[], levels: readonly Level[]): Generator<string> {
    const here = entries.some((e) => e.name === '.gitignore' && e.isFile()) ? gitignoreAt(dir) : undefined;
    const stack = here ? [...levels, { dir, rules: here }] : levels;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(dir, e.name);
      // Symbolic links are not followed: they can loop or lead outside the tree.
      if (e.isDirectory()) {
        if (DEFAULT_SKIPPED_DIRS.has(e.name) || isIgnored(stack, path, true)) continue;
        // Without `listed`, a folder the filter refuses is never read.
        if (!filters.listed && filters.dir?.(path) === false) continue;
        const inner = list(path);
        if (!inner) continue;
        if (filters.listed) {
          filters.listed(path, inner);
          if (filters.dir?.(path) === false) continue;
        }
        yield* walkDir(path, inner, stack);
      } else if (e.isFile()) {
        if (filters.file(path) && !isIgnored(stack, path, false)) yield path;
      }
    }
  }
}

/** A folder's entries, or undefined when it cannot be read. */
function list(dir: string): Dirent[] | undefined {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
}

function gitignoreAt(dir: string, file = '.gitignore'): Ignore | undefined {
  const read = readSmallText(join(dir, file));
  if ('error' in read) return undefined;
  try {
    return ignore().add(read.text);
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

/** As git decides: the deepest `.gitignore` with a rule for the path wins, so a `!pattern` there re-includes it. */
function isIgnored(levels: readonly Level[], path: string, isDir: boolean): boolean {
  for (let i = levels.length - 1; i >= 0; i--) {
    const { dir, rules } = levels[i]!;
    const rel = relative(dir, path).split(sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    const verdict = rules.test(isDir ? `${rel}/` : rel);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/**
 * Whether git ignores `path` (a file): the `.gitignore` files from its repository's root down to its folder and
 * `.git/info/exclude`. False outside a repository. For the editor, which opens files one at a time.
 */
export function isGitIgnored(path: string): boolean {
  const dir = dirname(path);
  const levels = ancestorLevels(dir);
  const here = gitignoreAt(dir);
  if (here) levels.push({ dir, rules: here });
  const top = levels[0]?.dir;
  if (top === undefined) return false;
  // A folder between the top and the file may be ignored as a whole (git then never looks inside it).
  const folders: string[] = [];
  for (let d = dir; d !== top && dirname(d) !== d; d = dirname(d)) folders.unshift(d);
  for (const f of folders) {
    if (isIgnored(levels.filter((l) => l.dir !== f && !relative(l.dir, f).startsWith('..')), f, true)) return true;
  }
  return isIgnored(levels, path, false);
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
