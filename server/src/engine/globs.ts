// Glob matching with minimatch: patterns compiled once, paths normalised to forward slashes.

import { Minimatch } from 'minimatch';

export type PathTest = (path: string) => boolean;

export function normalizePath(p: string): string {
  let s = p.replace(/\\/g, '/');
  while (s.startsWith('./')) s = s.slice(2);
  return s;
}

/**
 * Compiles globs the way users write them in ignore lists: a pattern without a slash matches the
 * file name at any depth (`*.tf`), a pattern with one matches the path from the root (`infra/**`)
 * or below it when it starts with `**`.
 */
export function compileGlobs(globs: readonly string[], opts: { nocase?: boolean } = {}): PathTest {
  const matchers = globs
    .map((g) => normalizePath(g.trim()))
    .filter(Boolean)
    .map((g) => {
      const anchored = g.startsWith('/') ? g.slice(1) : g;
      const pattern = anchored.includes('/') ? anchored : `**/${anchored}`;
      const m = new Minimatch(pattern, { dot: true, nocase: opts.nocase ?? false });
      // A directory pattern (`build/`) or a plain directory name also covers everything below it.
      const below = new Minimatch(`${pattern.replace(/\/+$/, '')}/**`, { dot: true, nocase: opts.nocase ?? false });
      return (p: string) => m.match(p) || below.match(p);
    });
  if (matchers.length === 0) return () => false;
  return (path) => {
    const p = normalizePath(path).replace(/^\/+/, '');
    return matchers.some((m) => m(p));
  };
}
