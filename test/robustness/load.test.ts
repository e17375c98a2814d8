// Load: a 10,000-file workspace scanned by the bundled server, then 1,000 edits, then 10 rescans. The server's resident
// memory stays bounded and does not grow from rescan to rescan. 2,000 files in `npm test`, 10,000 with
// FOREWARN_FULL_TESTS=1 (CI's second step); LOAD_FILES sets any other size.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ScanSummary } from '../../server/src/lsp/workspace-scan.js';
import { generateWorkspace, rssMb } from '../../scripts/bench-workspace.js';
import { TestClient } from '../helpers/lsp-client.js';
import { sized } from '../helpers/test-size.js';
import { CORPUS, HAS_CORPUS } from './inputs.js';

const FILES = sized('LOAD_FILES', 2_000, 10_000);
const EDITS = 1_000;
const RESCANS = 10;
/** The bound: a server that keeps every file's text or parse would be far above it. */
const MAX_RSS_MB = 400;
/** Growth allowed of the RSS floor (lowest of three rescans) from rescans 2–4 to rescans 8–10 (allocator noise), in MB. */
const LEAK_SLACK_MB = 40;

describe('load', () => {
  it(`${FILES} files, ${EDITS} edits, ${RESCANS} rescans: memory bounded and flat`, { timeout: 600_000 }, async (t) => {
    const root = mkdtempSync(join(tmpdir(), 'forewarn-load-'));
    try {
      generateWorkspace(root, HAS_CORPUS ? CORPUS : undefined, FILES);
      const client = await TestClient.start({ rootUri: pathToFileURL(root).toString() });
      try {
        const pid = client.proc.pid!;
        const first = await client.until(() => client.statuses.findLast((s) => !s.scanning && s.lastScan)?.lastScan, 'the first scan', 300_000);
        assert.ok(first.files >= FILES * 0.9, `scanned ${first.files}`);
        const afterScan = rssMb(pid, 'VmRSS');

        // 1,000 edits of an open document, as fast as the client can send them.
        const uri = pathToFileURL(join(root, 'edited', '.github', 'workflows', 'ci.yml')).toString();
        const base = 'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo ';
        await client.open(uri, `${base}0\n`, 'yaml', 1);
        for (let i = 1; i <= EDITS; i++) await client.changeFull(uri, i + 1, `${base}${i}\n`);
        await client.diagnostics(uri, (d) => d.length > 0, EDITS + 1);
        const afterEdits = rssMb(pid, 'VmRSS');

        const rss: number[] = [];
        for (let i = 0; i < RESCANS; i++) {
          const s = await client.executeCommand<ScanSummary>('forewarn.scanWorkspace');
          assert.equal(s.cancelled, false);
          rss.push(rssMb(pid, 'VmRSS'));
        }
        const peak = rssMb(pid, 'VmHWM');
        t.diagnostic(
          `RSS after scan ${afterScan.toFixed(0)} MB, after ${EDITS} edits ${afterEdits.toFixed(0)} MB, after rescans ${rss.map((r) => r.toFixed(0)).join('/')} MB, peak ${peak.toFixed(0)} MB (first scan ${first.ms} ms on ${first.workers} workers)`,
        );
        assert.ok(peak <= MAX_RSS_MB, `peak RSS ${peak.toFixed(0)} MB > ${MAX_RSS_MB} MB`);
        // RSS after a rescan swings by tens of MB with where the last collection fell (147–202 MB seen on one run with
        // nothing leaking): a leak raises the floor, so the lowest of the last three is compared with the lowest of
        // rescans 2–4.
        const early = Math.min(...rss.slice(1, 4));
        const late = Math.min(...rss.slice(-3));
        assert.ok(late - early <= LEAK_SLACK_MB, `RSS floor grew from ${early.toFixed(0)} to ${late.toFixed(0)} MB over ${RESCANS - 4} rescans`);
      } finally {
        await client.stop();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
