// Files Forewarn reads on its own (watcher events, scans, configuration, baselines): regular files inside the folder
// only, size known before reading. A link to /dev/zero, a FIFO, a link out of the workspace read nothing, and the
// server keeps answering. Configuration discovery stops at the repository root or the workspace folder.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ScanSummary } from '../../server/src/lsp/workspace-scan.js';
import { findConfigFile, learnConfigFile } from '../../server/src/workspace/config-files.js';
import { walkFiles } from '../../server/src/workspace/walk.js';
import { safeRead } from '../../server/src/workspace/safe-read.js';
import { scan } from '../../server/src/workspace/scan.js';
import { DEFAULT_CONFIG } from '../../server/src/engine/index.js';
import { TestClient } from '../helpers/lsp-client.js';

const hasMkfifo = (() => {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('untrusted paths', () => {
  let root = '';
  let ws = '';
  let outside = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'forewarn-paths-'));
    ws = join(root, 'ws');
    outside = join(root, 'outside');
    mkdirSync(join(ws, '.github', 'workflows'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(outside, 'Dockerfile'), 'FROM node:latest\n');
    writeFileSync(join(ws, 'Dockerfile.real'), 'FROM node:latest\n');
    symlinkSync('/dev/zero', join(ws, 'Dockerfile'));
    symlinkSync(join(outside, 'Dockerfile'), join(ws, 'Dockerfile.linked'));
    symlinkSync(outside, join(ws, 'linked-dir'));
    if (hasMkfifo) execFileSync('mkfifo', [join(ws, 'main.tf')]);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('safeRead refuses links, FIFOs, devices and files outside the folder; reads regular files', () => {
    assert.equal(safeRead(join(ws, 'Dockerfile'), { maxSize: 1000 }).ok, false);
    assert.equal(safeRead('/dev/zero', { maxSize: 1000 }).ok, false);
    if (hasMkfifo) {
      const r = safeRead(join(ws, 'main.tf'), { maxSize: 1000 });
      assert.ok(!r.ok && r.reason === 'not-a-file');
    }
    const linkedDir = safeRead(join(ws, 'linked-dir', 'Dockerfile'), { maxSize: 1000, within: ws });
    assert.ok(!linkedDir.ok && linkedDir.reason === 'outside');
    const real = safeRead(join(ws, 'Dockerfile.real'), { maxSize: 1000, within: ws });
    assert.ok(real.ok && real.bytes.toString() === 'FROM node:latest\n');
    const big = safeRead(join(ws, 'Dockerfile.real'), { maxSize: 4, within: ws });
    assert.ok(!big.ok && big.reason === 'too-large' && big.size === 17);
  });

  it('the CLI scan skips what it must not read and says why for files named on the command line', () => {
    const report = scan([ws, join(ws, 'Dockerfile')], { config: DEFAULT_CONFIG, root: ws, cwd: ws });
    // Only the regular Dockerfile.real is analysed; the link named explicitly is reported, not read.
    assert.equal(report.files, 1);
    assert.ok(report.errors.some((e) => e.path === 'Dockerfile' && /symbolic link/.test(e.message)), JSON.stringify(report.errors));
  });

  it('the server: watcher events for a link to /dev/zero, a FIFO and a link outside read nothing, and it keeps answering', { timeout: 60_000 }, async () => {
    const client = await TestClient.start({ rootUri: pathToFileURL(ws).toString() });
    try {
      await client.until(() => client.statuses.findLast((s) => !s.scanning && s.lastScan)?.lastScan, 'the first scan', 30_000);
      const events: [string, 1 | 2][] = [
        [pathToFileURL(join(ws, 'Dockerfile')).toString(), 2],
        [pathToFileURL(join(ws, 'Dockerfile.linked')).toString(), 1],
        [pathToFileURL(join(ws, 'linked-dir', 'Dockerfile')).toString(), 1],
      ];
      if (hasMkfifo) events.push([pathToFileURL(join(ws, 'main.tf')).toString(), 1]);
      await client.watched(...events);
      // It still answers: a full scan runs and finishes, and only the regular file has findings.
      const summary = await client.executeCommand<ScanSummary>('forewarn.scanWorkspace');
      assert.equal(summary.cancelled, false);
      for (const [uri] of events) assert.equal(client.published.get(uri)?.diagnostics.length ?? 0, 0, `${uri} was analysed`);
      assert.ok((client.published.get(pathToFileURL(join(ws, 'Dockerfile.real')).toString())?.diagnostics.length ?? 0) > 0);
    } finally {
      await client.stop();
    }
  });

  describe('configuration discovery', () => {
    it('outside a repository only the folder itself counts: a .forewarn.yml above it is not used', () => {
      const top = mkdtempSync(join(tmpdir(), 'forewarn-cfg-'));
      try {
        mkdirSync(join(top, 'project', 'sub'), { recursive: true });
        writeFileSync(join(top, '.forewarn.yml'), 'rules:\n  image-latest: off\n');
        assert.equal(findConfigFile(join(top, 'project', 'sub')), undefined);
        assert.equal(findConfigFile(join(top, 'project', 'sub'), join(top, 'project')), undefined, 'not above the workspace folder');
        assert.equal(findConfigFile(top), join(top, '.forewarn.yml'), 'in the folder itself');
      } finally {
        rmSync(top, { recursive: true, force: true });
      }
    });

    it('inside a repository it climbs to the repository root, not past it', () => {
      const top = mkdtempSync(join(tmpdir(), 'forewarn-cfg-'));
      try {
        mkdirSync(join(top, 'repo', '.git'), { recursive: true });
        mkdirSync(join(top, 'repo', 'a', 'b'), { recursive: true });
        writeFileSync(join(top, '.forewarn.yml'), 'rules: {}\n');
        assert.equal(findConfigFile(join(top, 'repo', 'a', 'b')), undefined);
        writeFileSync(join(top, 'repo', '.forewarn.yml'), 'rules: {}\n');
        assert.equal(findConfigFile(join(top, 'repo', 'a', 'b')), join(top, 'repo', '.forewarn.yml'));
        assert.equal(findConfigFile(join(top, 'repo', 'a', 'b'), join(top, 'repo', 'a')), undefined, 'the workspace folder bounds it');
      } finally {
        rmSync(top, { recursive: true, force: true });
      }
    });

    it('answers remembered per folder (as in the server scan) equal fresh lookups, in any order', () => {
      const top = mkdtempSync(join(tmpdir(), 'forewarn-cfg-'));
      try {
        const dirs = ['a/b/c', 'a/b/d', 'a/e', 'f/g/h', 'f/i', 'j/.git/../k', 'j/k/l'].map((d) => join(top, 'ws', d));
        for (const d of dirs) mkdirSync(d, { recursive: true });
        mkdirSync(join(top, 'ws', 'j', '.git'), { recursive: true });
        writeFileSync(join(top, 'ws', 'a', 'b', '.forewarn.yml'), 'rules: {}\n');
        writeFileSync(join(top, 'ws', '.forewarn.yaml'), 'rules: {}\n');
        const ws = join(top, 'ws');
        for (const order of [dirs, [...dirs].reverse()]) {
          const known = new Map<string, string | undefined>();
          for (const d of order) assert.equal(findConfigFile(d, ws, known), findConfigFile(d, ws), d);
          // the climbed ancestors are remembered too, with the answer a lookup from them gives
          assert.equal(known.get(join(ws, 'a', 'b')), join(ws, 'a', 'b', '.forewarn.yml'));
          assert.equal(known.get(join(ws, 'f')), join(ws, '.forewarn.yaml'));
          assert.equal(known.get(join(ws, 'j', 'k')), undefined, 'a repository root below the folder stops the climb');
          assert.ok(known.has(join(ws, 'j', 'k')));
        }
      } finally {
        rmSync(top, { recursive: true, force: true });
      }
    });

    it('answers learnt from a walk\'s folder listings (no look at the disk) equal fresh lookups', () => {
      const top = mkdtempSync(join(tmpdir(), 'forewarn-cfg-'));
      try {
        const ws = join(top, 'ws');
        for (const d of ['a/b/c', 'a/e', 'f/g/h', 'j/k/l', 'm/n', 'p/q', 's/t']) mkdirSync(join(ws, d), { recursive: true });
        writeFileSync(join(top, '.forewarn.yml'), 'rules: {}\n'); // above the folder: never applies
        writeFileSync(join(ws, 'a', 'b', '.forewarn.yml'), 'rules: {}\n');
        writeFileSync(join(ws, 'f', '.forewarn.yaml'), 'rules: {}\n');
        mkdirSync(join(ws, 'j', '.git')); // a repository root below the folder stops the climb
        mkdirSync(join(ws, 'm', '.forewarn.yml')); // a folder by that name is not a config file
        symlinkSync(join(ws, 'f', '.forewarn.yaml'), join(ws, 'p', '.forewarn.yml')); // nor is a link
        symlinkSync(join(top, 'nowhere'), join(ws, 's', '.git')); // a dangling link: left to a lookup
        for (const d of ['a', 'b', 'c', 'd']) writeFileSync(join(ws, 'a', 'b', 'c', `${d}.yml`), 'x: 1\n');
        const known = new Map<string, string | undefined>();
        const listedDirs: string[] = [];
        const walked = [
          ...walkFiles(ws, {
            file: () => true,
            listed: (dir, entries) => {
              listedDirs.push(dir);
              learnConfigFile(dir, entries, ws, known);
            },
            // asked after the folder's listing: its answer is known by then
            dir: (p) => {
              assert.ok(listedDirs.includes(p), `${p} listed before the filter sees it`);
              return true;
            },
          }),
        ];
        assert.ok(walked.length >= 4);
        assert.equal(listedDirs[0], ws, 'the root is listed too');
        for (const dir of listedDirs) {
          if (known.has(dir)) assert.equal(known.get(dir), findConfigFile(dir, ws), dir);
        }
        assert.equal(known.get(join(ws, 'a', 'b', 'c')), join(ws, 'a', 'b', '.forewarn.yml'));
        assert.equal(known.get(join(ws, 'f', 'g', 'h')), join(ws, 'f', '.forewarn.yaml'));
        assert.ok(known.has(join(ws, 'j', 'k', 'l')) && known.get(join(ws, 'j', 'k', 'l')) === undefined);
        assert.ok(known.has(join(ws, 'm', 'n')) && known.get(join(ws, 'm')) === undefined);
        assert.equal(known.get(join(ws, 'p')), undefined);
        assert.ok(!known.has(join(ws, 's')) && !known.has(join(ws, 's', 't')), 'a link named .git: not decided from the listing');
      } finally {
        rmSync(top, { recursive: true, force: true });
      }
    });

    it('a FIFO or a link named .forewarn.yml is not read as configuration', () => {
      const top = mkdtempSync(join(tmpdir(), 'forewarn-cfg-'));
      try {
        symlinkSync('/dev/zero', join(top, '.forewarn.yml'));
        assert.equal(findConfigFile(top), undefined);
      } finally {
        rmSync(top, { recursive: true, force: true });
      }
    });
  });
});
