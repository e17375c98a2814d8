// Glob matching with minimatch: patterns compiled once, paths normalised to forward slashes.

import ignore from 'ignore';
import { Minimatch } from 'minimatch';
import { trimTrailing } from '../core/text.js';

export type PathTest = (path: string) => boolean;

export function normalizePath(p: string): string {
  let s = p.replace(/\\/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  return s;
}

/**
 * Compiles kind globs: a pattern without a slash matches the file name at any depth (`*.build`),
 * one with a slash matches the path from the root (`ci/*.yml`), or at any depth when it starts with `**`.
 */
export function compileGlobs(globs: readonly string[], opts: { nocase?: boolean; lazy?: boolean } = {}): PathTest {
  const patterns = globs.map((g) => normalizePath(g.trim()).replace(/^\/+/, '')).filter(Boolean);
  if (patterns.length === 0) return () => false;
  const nocase = opts.nocase ?? false;
  const compile = (g: string): Minimatch => new Minimatch(g.includes('/') ? g : `**/${g}`, { dot: true, nocase });
  if (!opts.lazy) {
    const matchers = patterns.map(compile);
    return (path) => {
      const p = normalizePath(path).replace(/^\/+/, '');
      return matchers.some((m) => m.match(p));
    };
  }
  // `lazy` (the built-in kind globs): each pattern is compiled the first time a path's file name could match it, so a
  // one-file CLI run compiles few of the ~100 (building a Minimatch is the costly part of a test).
  const lazy = patterns.map((g) => ({ ...literals(g, nocase), matcher: undefined as Minimatch | undefined, g }));
  return (path) => {
    const p = normalizePath(path).replace(/^\/+/, '');
    const full = nocase ? p.toLowerCase() : p;
    const name = full.slice(full.lastIndexOf('/') + 1);
    for (const l of lazy) {
      if ((l.name !== undefined && !name.includes(l.name)) || l.dirs.some((d) => !full.includes(d))) continue;
      l.matcher ??= compile(l.g);
      if (l.matcher.match(p)) return true;
    }
    return false;
  };
}

/**
 * Text any path a glob matches contains: the longest literal run of its last segment in the file name, and the
 * literal runs of its other segments somewhere in the path. Only segments made of literals and `*` count (not `**`,
 * nor any with `?`, classes, braces, extglobs or escapes), so the test is never stricter than the glob.
 */
function literals(glob: string, nocase: boolean): { name: string | undefined; dirs: string[] } {
  const segments = (nocase ? glob.toLowerCase() : glob).split('/');
  const plain = (seg: string): boolean => seg !== '' && seg !== '**' && !/[?[\]{}()!+@\\]/.test(seg);
  const last = segments[segments.length - 1]!;
  let name: string | undefined;
  if (plain(last)) for (const run of last.split('*')) if (run.length > (name?.length ?? 0)) name = run;
  const dirs = segments.slice(0, -1).filter(plain).flatMap((seg) => seg.split('*').filter((run) => run.length > 0));
  return { name, dirs };
}

/**
 * Compiles ignore patterns with .gitignore semantics (negation, anchoring with a leading `/`, `dir/`).
 * Paths are relative to the folder the patterns belong to; paths outside it are never ignored.
 */
export function compileIgnore(patterns: readonly string[]): (path: string, isDir?: boolean) => boolean {
  if (patterns.length === 0) return () => false;
  const ig = ignore().add([...patterns]);
  return (path, isDir = false) => {
    const p = trimTrailing(normalizePath(path), '/');
    if (!p || p.startsWith('/') || p.startsWith('../') || p === '..' || /^[A-Za-z]:/.test(p)) return false;
    return ig.ignores(isDir ? `${p}/` : p);
  };
}
