// Pipeline code pulled in from elsewhere outside GitHub: GitLab includes and components, CircleCI orbs, Azure repository resources.

import { isMap, isScalar, type Document, type Scalar } from 'yaml';
import type { FileKind, Range } from '../core/types.js';
import { entries, get, getPair, items, rangeOf, valueRange } from './yaml-nodes.js';

export type IncludeSource = 'gitlab-project' | 'gitlab-remote' | 'gitlab-component' | 'circleci-orb' | 'azure-repository';

export interface IncludeView {
  readonly source: IncludeSource;
  /** the reference as written: project path, URL, component address, orb reference, repository name. */
  readonly raw: string;
  /** what to underline: the value, or the key of an entry that lacks its ref. */
  readonly range: Range;
  readonly target: string;
  /** the version/ref as written; undefined when there is none. */
  readonly ref: string | undefined;
  /** the value depends on a variable or expression: not known statically. */
  readonly dynamic: boolean;
  /** GitLab `remote:` with `integrity: sha256-…`: the content is verified when it is fetched. */
  readonly integrity?: string;
}

const DYNAMIC = /[$<{]/;

function str(node: unknown): Scalar | undefined {
  return isScalar(node) && typeof node.value === 'string' ? (node as Scalar) : undefined;
}

export function ciIncludes(kind: FileKind, docs: readonly Document.Parsed[], text: string): IncludeView[] {
  const out: IncludeView[] = [];
  for (const doc of docs) {
    const root = doc.contents;
    if (kind === 'gitlab-ci') gitlab(root, text, out);
    else if (kind === 'circleci') circleci(root, text, out);
    else if (kind === 'azure-pipelines') azure(root, text, out);
  }
  return out;
}

function gitlab(root: unknown, text: string, out: IncludeView[]): void {
  const inc = get(root, 'include');
  const list = isScalar(inc) || isMap(inc) ? [inc] : items(inc);
  for (const item of list) {
    const s = str(item);
    if (s) {
      // The string form is a local path or a remote URL.
      if (/^https?:\/\//i.test(s.value as string)) remote(s, text, out);
      continue;
    }
    if (!isMap(item)) continue;
    const project = str(get(item, 'project'));
    if (project) {
      const ref = str(get(item, 'ref'));
      const p = project.value as string;
      out.push({
        source: 'gitlab-project',
        raw: p,
        range: ref ? valueRange(ref, text) : valueRange(project, text),
        target: p,
        ref: ref ? String(ref.value) : undefined,
        dynamic: DYNAMIC.test(p) || (ref !== undefined && DYNAMIC.test(String(ref.value))),
      });
    }
    const r = str(get(item, 'remote'));
    const integrity = str(get(item, 'integrity'));
    if (r) remote(r, text, out, integrity ? String(integrity.value) : undefined);
    const c = str(get(item, 'component'));
    if (c) {
      const v = c.value as string;
      const at = v.lastIndexOf('@');
      out.push({
        source: 'gitlab-component',
        raw: v,
        range: valueRange(c, text),
        target: at === -1 ? v : v.slice(0, at),
        ref: at === -1 ? undefined : v.slice(at + 1),
        // `$CI_SERVER_FQDN/…` is the usual host prefix; only the version part decides.
        dynamic: at !== -1 && DYNAMIC.test(v.slice(at + 1)),
      });
    }
  }
}

function remote(s: Scalar, text: string, out: IncludeView[], integrity?: string): void {
  const v = s.value as string;
  out.push({ source: 'gitlab-remote', raw: v, range: valueRange(s, text), target: v, ref: undefined, dynamic: DYNAMIC.test(v), ...(integrity && { integrity }) });
}

function circleci(root: unknown, text: string, out: IncludeView[]): void {
  for (const [, pair] of entries(get(root, 'orbs'))) {
    const s = str(pair.value);
    if (!s) continue; // an inline orb (a map) is part of this file
    const v = s.value as string;
    const at = v.lastIndexOf('@');
    out.push({
      source: 'circleci-orb',
      raw: v,
      range: valueRange(s, text),
      target: at === -1 ? v : v.slice(0, at),
      ref: at === -1 ? undefined : v.slice(at + 1),
      dynamic: DYNAMIC.test(v),
    });
  }
}

function azure(root: unknown, text: string, out: IncludeView[]): void {
  for (const repo of items(get(get(root, 'resources'), 'repositories'))) {
    const name = str(get(repo, 'name'));
    const alias = getPair(repo, 'repository');
    if (!name) continue;
    const ref = str(get(repo, 'ref'));
    const n = name.value as string;
    out.push({
      source: 'azure-repository',
      raw: n,
      range: ref ? valueRange(ref, text) : (rangeOf(alias?.key) ?? valueRange(name, text)),
      target: n,
      ref: ref ? String(ref.value) : undefined,
      dynamic: DYNAMIC.test(n) || (ref !== undefined && DYNAMIC.test(String(ref.value))),
    });
  }
}
