// The CLI's standard output to a pipe or file is written directly (no process.stdout stream): all of it arrives, a
// reader that goes away ends it quietly with the scan's own exit code, and a pipe that would block hands the rest to
// the stream in order.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { directOut, isTerminal } from '../../server/src/cli/stdout.js';
import { REPO } from '../helpers/lsp-client.js';

const CLI = join(REPO, 'dist', 'cli.js');

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

describe('CLI standard output', () => {
  it('a large report through a pipe arrives whole', () => {
    const r = spawnSync(process.execPath, [CLI, 'scan', 'examples', '--format', 'json', '--fail-on', 'none'], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.length > 65536, `only ${r.stdout.length} characters: the test needs more than a pipe buffer`);
    assert.ok((JSON.parse(r.stdout) as { findings: unknown[] }).findings.length > 100);
  });

  it('a reader that goes away ends the output; the exit code is the scan result and nothing is printed about it', async () => {
    const child = spawn(process.execPath, [CLI, 'scan', 'examples', '--format', 'json'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 1, 'findings at or above the default --fail-on');
    assert.doesNotMatch(stderr, /EPIPE|Error|at /);
  });

  it('writes what each call takes, in order (bytes of UTF-8), and stops quietly on EPIPE', () => {
    const taken: number[] = [];
    let calls = 0;
    const out = directOut((bytes, at) => {
      if (++calls === 4) throw errno('EPIPE');
      const n = Math.min(3, bytes.length - at);
      taken.push(...bytes.subarray(at, at + n));
      return n;
    }, () => assert.fail('no fallback on EPIPE'));
    out('héllo wörld, and more');
    out('after the reader left');
    assert.equal(calls, 4, 'nothing written after the reader left');
    assert.deepEqual(Buffer.from(taken), Buffer.from('héllo wörld, and more', 'utf8').subarray(0, 9));
  });

  it('a pipe that would block hands the rest, and every later write, to the stream', () => {
    const direct: string[] = [];
    const streamed: string[] = [];
    let calls = 0;
    const out = directOut(
      (bytes, at) => {
        if (++calls > 2) throw errno('EAGAIN');
        direct.push(Buffer.from(bytes.subarray(at, at + 4)).toString('utf8'));
        return 4;
      },
      () => (s) => void streamed.push(s),
    );
    out('abcdefghijkl');
    out('next');
    assert.deepEqual(direct, ['abcd', 'efgh']);
    assert.deepEqual(streamed, ['ijkl', 'next']);
  });

  it('other write errors are not swallowed', () => {
    const out = directOut(() => {
      throw errno('EIO');
    }, () => assert.fail('no fallback on EIO'));
    assert.throws(() => out('x'), /EIO/);
  });

  it('isTerminal: a file or a pipe is no terminal without asking node:tty; a character device is up to isatty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forewarn-tty-'));
    const asked: number[] = [];
    const isatty = (fd: number): boolean => (asked.push(fd), true);
    try {
      const file = openSync(join(dir, 'out.txt'), 'w');
      const devNull = openSync('/dev/null', 'w');
      try {
        assert.equal(isTerminal(file, isatty), false);
        assert.deepEqual(asked, [], 'a file needs no isatty');
        assert.equal(isTerminal(devNull, isatty), true, 'a character device is what isatty says');
        assert.deepEqual(asked, [devNull]);
        assert.equal(isTerminal(devNull), false, '/dev/null is no terminal to node:tty');
      } finally {
        closeSync(file);
        closeSync(devNull);
      }
      assert.equal(isTerminal(file, isatty), false, 'a closed descriptor');
      assert.equal(asked.length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a one-file scan to a pipe loads neither node:tty (nor node:net) nor node:os', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forewarn-mods-'));
    try {
      // Preloaded: which built-in modules the process loaded, on stderr at exit.
      const preload = join(dir, 'modules.js');
      writeFileSync(preload, "process.on('exit', () => require('node:fs').writeSync(2, '\\nMODULES ' + JSON.stringify(process.moduleLoadList) + '\\n'));\n");
      const r = spawnSync(process.execPath, ['--require', preload, CLI, 'scan', 'examples/.github/workflows/ci.yml', '--format', 'json', '--fail-on', 'none'], { cwd: REPO, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.ok((JSON.parse(r.stdout) as { findings: unknown[] }).findings.length > 0);
      const loaded = JSON.parse(/^MODULES (.*)$/m.exec(r.stderr)![1]!) as string[];
      assert.ok(loaded.includes('NativeModule fs'), 'the module list is not what it seems');
      for (const m of ['NativeModule tty', 'NativeModule net', 'NativeModule os']) assert.ok(!loaded.includes(m), `${m} was loaded`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
