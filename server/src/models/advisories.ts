// The shipped snapshot of GitHub's advisories for actions (server/src/data/action-advisories.json), indexed by action.

import data from '../data/action-advisories.json';
import { parseRange, type Bound } from './action-versions.js';

export interface Advisory {
  readonly id: string;
  readonly cve: string | null;
  readonly severity: 'critical' | 'high' | 'medium' | 'low';
  readonly summary: string;
  readonly url: string;
}

export interface AffectedRange {
  readonly advisory: Advisory;
  /** `owner/repo` (or `owner/repo/path`) as the advisory names it. */
  readonly pkg: string;
  /** GitHub's `vulnerable_version_range`, e.g. `>= 4.0.0, < 4.1.7`. */
  readonly vulnerable: string;
  readonly bounds: readonly Bound[];
  /** the first patched version, when there is one. */
  readonly patched: string | undefined;
}

export interface AdvisorySnapshot {
  readonly snapshotDate: string;
  readonly count: number;
  /** the ranges for an action (`owner/repo[/path]`, any case): its own and its repository's. */
  rangesFor(action: string): readonly AffectedRange[];
}

interface RawAdvisory {
  readonly id: string;
  readonly cve?: string | null;
  readonly severity: string;
  readonly summary: string;
  readonly url: string;
  readonly affected: readonly { readonly package: string; readonly vulnerable: string; readonly patched?: string | null }[];
}

const SEVERITIES = new Set(['critical', 'high', 'medium', 'low']);

/** Builds the index; entries whose range does not parse are left out rather than guessed. */
export function buildSnapshot(raw: { readonly snapshotDate: string; readonly advisories: readonly RawAdvisory[] }): AdvisorySnapshot {
  const byPackage = new Map<string, AffectedRange[]>();
  for (const a of raw.advisories) {
    const advisory: Advisory = {
      id: a.id,
      cve: a.cve ?? null,
      severity: (SEVERITIES.has(a.severity) ? a.severity : 'medium') as Advisory['severity'],
      summary: a.summary,
      url: a.url,
    };
    for (const aff of a.affected) {
      const bounds = parseRange(aff.vulnerable);
      if (!bounds) continue;
      const key = aff.package.toLowerCase();
      const list = byPackage.get(key) ?? [];
      list.push({ advisory, pkg: aff.package, vulnerable: aff.vulnerable, bounds, patched: aff.patched ?? undefined });
      byPackage.set(key, list);
    }
  }
  return {
    snapshotDate: raw.snapshotDate,
    count: raw.advisories.length,
    rangesFor(action) {
      const lower = action.toLowerCase();
      const repo = lower.split('/').slice(0, 2).join('/');
      const own = byPackage.get(lower) ?? [];
      return repo === lower ? own : [...own, ...(byPackage.get(repo) ?? [])];
    },
  };
}

let snapshot: AdvisorySnapshot | undefined;

export function advisories(): AdvisorySnapshot {
  return (snapshot ??= buildSnapshot(data));
}
