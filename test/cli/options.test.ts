// CLI options as users type them: selection and filtering flags, stdin, colour, quiet, and their exit codes.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { run, type Io } from '../../server/src/cli/main.js';
import { parseScanOptions, useColor, UsageError } from '../../server/src/cli/options.js';
import { REPO } from '../helpers/lsp-client.js';

const KEY = 'AKIAZ7VRSQ5TJHNLBX4D';
const RULE_IDS = ['aws-access-key', 'image-latest', 'unpinned-action'];

/** `forewarn ARGS` in-process, with what it printed. */
function forewarn(args: string[], cwd: string, extra: Partial<Io> = {}): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(args, { out: (s) => (out += s), err: (s) => (err += s), cwd, ...extra });
  return { code, out, err };
}

describe('scan options', () => {
  let ws: string;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'forewarn-opts-'));
    mkdirSync(join(ws, '.github/workflows'), { recursive: true });
    writeFileSync(join(ws, '.github/workflows/ci.yml'), `on: push\njobs:\n  a:\n    env:\n      K: ${KEY}\n    steps:\n      - uses: actions/checkout@v4\npermissions: {}\n`);
    writeFileSync(join(ws, 'Dockerfile'), 'FROM node\nUSER node\n');
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  const ids = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => l.split(' ')[2]);

  it('--min-severity hides lower findings and they no longer count for --fail-on', () => {
    const all = forewarn(['scan'], ws);
    assert.deepEqual(ids(all.out), ['aws-access-key', 'unpinned-action', 'image-latest']);
    const high = forewarn(['scan', '--min-severity', 'high', '--fail-on', 'medium'], ws);
    assert.deepEqual(ids(high.out), ['aws-access-key', 'unpinned-action']);
    const onlyDocker = forewarn(['scan', 'Dockerfile', '--min-severity', 'high', '--fail-on', 'info'], ws);
    assert.equal(onlyDocker.code, 0, 'a hidden medium finding does not fail the run');
    assert.equal(onlyDocker.out, '');
  });

  it('--rule and --skip-rule are repeatable and accept comma lists; unknown ids are usage errors', () => {
    assert.deepEqual(ids(forewarn(['scan', '--rule', 'image-latest'], ws).out), ['image-latest']);
    assert.deepEqual(ids(forewarn(['scan', '--rule', 'image-latest', '--rule', 'aws-access-key'], ws).out), ['aws-access-key', 'image-latest']);
    assert.deepEqual(ids(forewarn(['scan', '--skip-rule', 'image-latest,aws-access-key'], ws).out), ['unpinned-action']);
    const bad = forewarn(['scan', '--rule', 'no-such-rule'], ws);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown rule id: no-such-rule/);
  });

  it('--stdin --stdin-filename analyzes standard input as that path (kind from the path)', () => {
    const text = `on: push\njobs:\n  a:\n    steps:\n      - uses: actions/setup-node@v4\npermissions: {}\n`;
    const r = forewarn(['scan', '--stdin', '--stdin-filename', '.github/workflows/new.yml', '--format', 'json'], ws, { stdin: () => text });
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out) as { findings: { path: string; ruleId: string; line: number }[] };
    assert.deepEqual(json.findings.map((f) => [f.path, f.ruleId, f.line]), [['.github/workflows/new.yml', 'unpinned-action', 5]]);
    // The same text named as something Forewarn does not analyze: nothing checked, said in one line.
    const other = forewarn(['scan', '--stdin', '--stdin-filename', 'notes.txt'], ws, { stdin: () => text });
    assert.equal(other.code, 0);
    assert.match(other.err, /^notes\.txt: not a file kind Forewarn reads; map it with `kinds:` in \.forewarn\.yml/m);
  });

  it('the installed command reads standard input (byte order mark dropped)', () => {
    const r = spawnSync(process.execPath, [resolve(REPO, 'dist/cli.js'), 'scan', '--stdin', '--stdin-filename', 'Dockerfile', '--format', 'json'], {
      cwd: ws,
      input: '\uFEFFFROM node:latest\nUSER node\n',
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { findings: { path: string; column: number }[] };
    assert.deepEqual(json.findings.map((f) => [f.path, f.column]), [['Dockerfile', 6]]);
  });

  it('--stdin needs --stdin-filename and no paths', () => {
    assert.equal(forewarn(['scan', '--stdin'], ws, { stdin: () => '' }).code, 2);
    assert.equal(forewarn(['scan', '--stdin', '--stdin-filename', 'Dockerfile', 'x'], ws, { stdin: () => '' }).code, 2);
    assert.equal(forewarn(['scan', '--stdin-filename', 'Dockerfile'], ws).code, 2);
  });

  it('--quiet drops the summary; colour only when asked for or on a terminal', () => {
    const quiet = forewarn(['scan', 'Dockerfile', '--quiet'], ws);
    assert.equal(quiet.err, '');
    assert.match(forewarn(['scan', 'Dockerfile'], ws).err, /1 finding \(1 medium\) in 1 file/);
    assert.ok(!forewarn(['scan', 'Dockerfile'], ws).out.includes('\x1b['), 'no colour when not a terminal');
    assert.ok(forewarn(['scan', 'Dockerfile', '-f', 'text'], ws, { isTTY: true, env: {} }).out.includes('\x1b[33mmedium'), 'colour on a terminal');
    assert.ok(forewarn(['scan', 'Dockerfile'], ws, { isTTY: true, env: {} }).out.includes('\x1b[1;33mmedium'), 'the pretty report too');
    assert.ok(!forewarn(['scan', 'Dockerfile', '--no-color'], ws, { isTTY: true, env: {} }).out.includes('\x1b['));
    assert.ok(!forewarn(['scan', 'Dockerfile'], ws, { isTTY: true, env: { NO_COLOR: '1' } }).out.includes('\x1b['));
    assert.ok(!forewarn(['scan', 'Dockerfile', '-f', 'text'], ws, { isTTY: true, env: { NO_COLOR: '1' } }).out.includes('\x1b['));
  });

  it('--output writes the report to a file (never coloured)', () => {
    const r = forewarn(['scan', 'Dockerfile', '--format', 'json', '-o', 'out.json'], ws, { isTTY: true, env: { FORCE_COLOR: '1' } });
    assert.equal(r.out, '');
    const json = JSON.parse(readFileSync(join(ws, 'out.json'), 'utf8')) as { findings: unknown[] };
    assert.equal(json.findings.length, 1);
  });
});

describe('option parsing', () => {
  it('defaults', () => {
    const o = parseScanOptions([], RULE_IDS);
    // Decided with the terminal known: pretty on a terminal, text otherwise.
    assert.equal(o.format, undefined);
    assert.equal(o.fix, false);
    assert.equal(o.failOn, 'high');
    assert.equal(o.minSeverity, 'info');
    assert.equal(o.color, undefined);
    assert.equal(o.quiet, false);
  });

  it('rejects bad values with a usage error', () => {
    assert.throws(() => parseScanOptions(['--min-severity', 'severe'], RULE_IDS), UsageError);
    assert.throws(() => parseScanOptions(['--color', '--no-color'], RULE_IDS), UsageError);
    assert.throws(() => parseScanOptions(['--format', 'xml'], RULE_IDS), /one of pretty, text, json, sarif, gitlab, github/);
    assert.throws(() => parseScanOptions(['--fix', '--diff'], RULE_IDS), UsageError);
    assert.throws(() => parseScanOptions(['--unsafe-fixes'], RULE_IDS), UsageError);
    assert.throws(() => parseScanOptions(['--nope'], RULE_IDS), (e: unknown) => e instanceof UsageError && e.message === "unknown option '--nope'" && e.command === 'scan');
  });

  it('colour: flag, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    assert.equal(useColor(undefined, true, {}), true);
    assert.equal(useColor(undefined, false, {}), false);
    assert.equal(useColor(undefined, true, { NO_COLOR: '1' }), false);
    assert.equal(useColor(undefined, true, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count');
    assert.equal(useColor(undefined, false, { FORCE_COLOR: '1' }), true);
    assert.equal(useColor(undefined, true, { FORCE_COLOR: '0' }), false);
    assert.equal(useColor(false, true, { FORCE_COLOR: '1' }), false);
    assert.equal(useColor(true, false, { NO_COLOR: '1' }), true);
    assert.equal(useColor(undefined, true, { TERM: 'dumb' }), false);
  });
});
