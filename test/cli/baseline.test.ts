// `forewarn baseline` and `scan --baseline` as a team adopting Forewarn uses them.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { run } from '../../server/src/cli/main.js';

// A key the aws-access-key rule reports (not one of AWS's documented EXAMPLE keys, which it skips).
const KEY = 'AKIAZ7VRSQ5TJHNLBX4D';
const OTHER_KEY = 'AKIAQ3MZ5TNR7WXPLD2K';
const WORKFLOW = `on: push\njobs:\n  a:\n    env:\n      AWS_KEY: ${KEY}\n    steps:\n      - uses: actions/checkout@v4\npermissions: {}\n`;

function forewarn(args: string[], cwd: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(args, { out: (s) => (out += s), err: (s) => (err += s), cwd });
  return { code, out, err };
}

describe('baselines', () => {
  let ws: string;
  const wf = () => join(ws, '.github/workflows/ci.yml');
  beforeEach(() => {
    ws = mkdtempSync(join(tmpdir(), 'forewarn-baseline-'));
    mkdirSync(join(ws, '.github/workflows'), { recursive: true });
    writeFileSync(wf(), WORKFLOW);
    writeFileSync(join(ws, 'Dockerfile'), 'FROM node\nUSER node\n');
  });
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  const findings = (r: { out: string }) => (JSON.parse(r.out) as { findings: { ruleId: string; path: string }[]; baselined: number });

  it('a fresh baseline hides every current finding; exit code 0', () => {
    const b = forewarn(['baseline'], ws);
    assert.equal(b.code, 0, b.err);
    assert.match(b.err, /Wrote 3 findings from 2 files to .forewarn-baseline.json/);
    const r = forewarn(['scan', '--baseline', '.forewarn-baseline.json', '--format', 'json'], ws);
    assert.equal(r.code, 0);
    assert.deepEqual(findings(r).findings, []);
    assert.equal(findings(r).baselined, 3);
    assert.match(forewarn(['scan', '--baseline', '.forewarn-baseline.json'], ws).err, /0 findings in 2 files\. 3 known findings in the baseline not shown/);
  });

  it('never holds the secret in plain text', () => {
    forewarn(['baseline', '-o', 'base.json'], ws);
    const text = readFileSync(join(ws, 'base.json'), 'utf8');
    assert.ok(!text.includes(KEY));
    // Not even a recognisable part of it (a redacted form is not needed in a baseline either).
    assert.ok(!text.includes(KEY.slice(4, 12)) && !text.includes(KEY.slice(-8)));
    const json = JSON.parse(text) as { version: number; findings: Record<string, unknown>[] };
    assert.equal(json.version, 1);
    for (const f of json.findings) assert.deepEqual(Object.keys(f).sort(), ['fingerprint', 'path', 'ruleId']);
  });

  it('inserting lines above a finding does not resurrect it', () => {
    forewarn(['baseline', '-o', 'base.json'], ws);
    writeFileSync(wf(), `# CI for the project\n\n${WORKFLOW.replace('  a:\n', '  a:\n    runs-on: ubuntu-latest\n')}`);
    writeFileSync(join(ws, 'Dockerfile'), '# syntax=docker/dockerfile:1\n\nFROM node\nUSER node\n');
    const r = forewarn(['scan', '--baseline', 'base.json', '--format', 'json'], ws);
    assert.deepEqual(findings(r).findings, []);
    assert.equal(r.code, 0);
  });

  it('editing the finding itself makes it new again; so does a second copy', () => {
    forewarn(['baseline', '-o', 'base.json'], ws);
    writeFileSync(wf(), WORKFLOW.replace(KEY, OTHER_KEY));
    const edited = forewarn(['scan', '--baseline', 'base.json', '--format', 'json'], ws);
    assert.deepEqual(findings(edited).findings.map((f) => f.ruleId), ['aws-access-key']);
    assert.equal(edited.code, 1);
    writeFileSync(join(ws, 'Dockerfile'), 'FROM node\nFROM node\nUSER node\n');
    writeFileSync(wf(), WORKFLOW);
    const copied = forewarn(['scan', '--baseline', 'base.json', '--format', 'json'], ws);
    assert.deepEqual(findings(copied).findings.map((f) => `${f.path} ${f.ruleId}`), ['Dockerfile image-latest']);
  });

  it('paths are relative to the baseline file, so it works from any folder', () => {
    forewarn(['baseline', '-o', '.forewarn-baseline.json'], ws);
    const r = forewarn(['scan', '.', '--baseline', '../../.forewarn-baseline.json', '--format', 'json'], join(ws, '.github/workflows'));
    assert.deepEqual(findings(r).findings, []);
    assert.equal(findings(r).baselined, 2);
  });

  it('a missing or malformed baseline is a usage error (exit 2), not a silent pass', () => {
    const missing = forewarn(['scan', '--baseline', 'nope.json'], ws);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /baseline nope.json: cannot read/);
    writeFileSync(join(ws, 'bad.json'), '{"version": 1}');
    assert.equal(forewarn(['scan', '--baseline', 'bad.json'], ws).code, 2);
  });
});
