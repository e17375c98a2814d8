// Regenerates server/src/data/action-advisories.json from GitHub's advisory API (ecosystem `actions`). Run by hand,
// with network, never by the tests or at install time:
//
//   npm run update-advisories                  # GITHUB_TOKEN or GH_TOKEN raises the rate limit (optional)
//   FOREWARN_GITHUB_API=https://ghe.example.com/api/v3 npm run update-advisories
//
// It lists every reviewed, not withdrawn advisory (`GET /advisories?ecosystem=actions&type=reviewed`, 100 a page,
// following the `Link: rel="next"` header), keeps the id, CVE, severity, summary and affected ranges of each, and
// writes them sorted so that a diff of the file shows what changed. The data is © GitHub and contributors, CC-BY-4.0.

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** One advisory as `GET /advisories` returns it (the fields we read). */
export interface ApiAdvisory {
  readonly ghsa_id?: unknown;
  readonly cve_id?: unknown;
  readonly summary?: unknown;
  readonly severity?: unknown;
  readonly html_url?: unknown;
  readonly published_at?: unknown;
  readonly withdrawn_at?: unknown;
  readonly vulnerabilities?: readonly {
    readonly package?: { readonly ecosystem?: unknown; readonly name?: unknown } | null;
    readonly vulnerable_version_range?: unknown;
    /** a string in the global advisories API, `{ identifier }` in older shapes. */
    readonly first_patched_version?: unknown;
  }[];
}

export interface SnapshotEntry {
  readonly id: string;
  readonly cve: string | null;
  readonly severity: 'critical' | 'high' | 'medium' | 'low';
  readonly summary: string;
  readonly published: string;
  readonly url: string;
  readonly affected: { readonly package: string; readonly vulnerable: string; readonly patched: string | null }[];
  readonly source: string;
}

const SEVERITY: Record<string, SnapshotEntry['severity']> = { critical: 'critical', high: 'high', moderate: 'medium', medium: 'medium', low: 'low' };

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function patchedOf(v: unknown): string | null {
  if (typeof v === 'string') return str(v) ?? null;
  if (v && typeof v === 'object') return str((v as { identifier?: unknown }).identifier) ?? null;
  return null;
}

/** The snapshot file for a list of API advisories: actions ecosystem only, withdrawn ones dropped, sorted. */
export function toSnapshot(items: readonly ApiAdvisory[], date: string): object {
  const advisories: SnapshotEntry[] = [];
  for (const a of items) {
    const id = str(a.ghsa_id);
    const summary = str(a.summary);
    if (!id || !summary || a.withdrawn_at) continue;
    const affected = (a.vulnerabilities ?? [])
      .filter((v) => v.package?.ecosystem === 'actions' && str(v.package.name) && str(v.vulnerable_version_range))
      .map((v) => ({ package: str(v.package!.name)!, vulnerable: str(v.vulnerable_version_range)!, patched: patchedOf(v.first_patched_version) }));
    if (affected.length === 0) continue;
    advisories.push({
      id,
      cve: str(a.cve_id) ?? null,
      severity: SEVERITY[String(a.severity).toLowerCase()] ?? 'medium',
      summary: summary.replace(/\s+/g, ' '),
      published: (str(a.published_at) ?? '').slice(0, 10),
      url: str(a.html_url) ?? `https://github.com/advisories/${id}`,
      affected,
      source: 'GET /advisories?ecosystem=actions',
    });
  }
  advisories.sort((x, y) => x.affected[0]!.package.toLowerCase().localeCompare(y.affected[0]!.package.toLowerCase()) || x.id.localeCompare(y.id));
  return {
    schemaVersion: 1,
    snapshotDate: date,
    source: 'GitHub Advisory Database, GitHub Actions ecosystem (https://github.com/advisories?query=ecosystem%3Aactions)',
    license: 'CC-BY-4.0 (advisory data © GitHub, Inc. and contributors)',
    generator: 'scripts/update-advisories.ts (npm run update-advisories)',
    advisories,
  };
}

/** The URL of the next page from a `Link` header, if any. */
export function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (m) return m[1];
  }
  return undefined;
}

async function fetchAll(api: string, token: string | undefined): Promise<ApiAdvisory[]> {
  const out: ApiAdvisory[] = [];
  let url: string | undefined = `${api.replace(/\/+$/, '')}/advisories?ecosystem=actions&type=reviewed&per_page=100`;
  for (let page = 0; url && page < 200; page++) {
    const res: Response = await fetch(url, {
      headers: { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28', 'User-Agent': 'forewarn-update-advisories', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      signal: AbortSignal.timeout(30_000),
    });
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${res.statusText}`);
    const body = (await res.json()) as unknown;
    if (!Array.isArray(body)) throw new Error(`${url}: expected a JSON array`);
    out.push(...(body as ApiAdvisory[]));
    url = nextLink(res.headers.get('link'));
  }
  return out;
}

async function main(): Promise<void> {
  const api = process.env['FOREWARN_GITHUB_API'] ?? 'https://api.github.com';
  const token = process.env['GITHUB_TOKEN'] ?? process.env['GH_TOKEN'];
  const items = await fetchAll(api, token);
  const snapshot = toSnapshot(items, new Date().toISOString().slice(0, 10)) as { advisories: unknown[] };
  const file = resolve(__dirname, '..', '..', 'server', 'src', 'data', 'action-advisories.json');
  writeFileSync(file, `${JSON.stringify(snapshot, null, 2)}\n`);
  console.log(`wrote ${snapshot.advisories.length} advisories to ${file}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
