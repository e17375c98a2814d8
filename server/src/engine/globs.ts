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
export function compileGlobs(globs: readonly string[], opts: { nocase?: boolean } = {}): PathTest {
  const matchers = globs
    .map((g) => normalizePath(g.trim()).replace(/^\/+/, ''))
    .filter(Boolean)
    .map((g) => new Minimatch(g.includes('/') ? g : `**/${g}`, { dot: true, nocase: opts.nocase ?? false }));
  if (matchers.length === 0) return () => false;
  return (path) => {
    const p = normalizePath(path).replace(/^\/+/, '');
    return matchers.some((m) => m.match(p));
  };
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
