// The CI integrations in docs/ci/ and .pre-commit-hooks.yaml, and Forewarn's own workflows: valid commands,
// pinned actions, least privilege, and no findings from Forewarn itself.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { run } from '../../server/src/cli/main.js';
import { parseScanOptions } from '../../server/src/cli/options.js';
import { RULES } from '../../server/src/engine/index.js';
import { REPO } from '../helpers/lsp-client.js';

const read = (rel: string) => readFileSync(join(REPO, rel), 'utf8');
const VERSION = (JSON.parse(read('package.json')) as { version: string }).version;

function forewarn(args: string[], cwd: string, stdin?: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(args, { out: (s) => (out += s), err: (s) => (err += s), cwd, ...(stdin !== undefined ? { stdin: () => stdin } : {}) });
  return { code, out, err };
}

/** A GitHub workflow checked as Forewarn checks workflows, wherever the file sits. */
function scanAsWorkflow(text: string): { ruleId: string }[] {
  const r = forewarn(['scan', '--stdin', '--stdin-filename', '.github/workflows/forewarn.yml', '--format', 'json', '--fail-on', 'info'], REPO, text);
  return (JSON.parse(r.out) as { findings: { ruleId: string }[] }).findings;
}

/** The `forewarn ...` arguments of every command line in the text, checked against the real option parser. */
function forewarnCommands(text: string): string[][] {
  const cmds = [...text.matchAll(/npx --yes forewarn@([\d.]+) (scan[^\n]*)/g)];
  assert.ok(cmds.length > 0, 'runs forewarn');
  return cmds.map((m) => {
    assert.equal(m[1], VERSION, 'the example installs the current version');
    const args = m[2]!.trim().split(/\s+/);
    parseScanOptions(args.slice(1), RULES.map((r) => r.id));
    return args;
  });
}

interface Job {
  permissions?: Record<string, string>;
  steps: { uses?: string; run?: string; with?: Record<string, unknown> }[];
}

describe('CI integrations', () => {
  it('Forewarn finds nothing in its own workflows and in docs/ci/', () => {
    const r = forewarn(['scan', '.github/workflows', 'docs/ci', '--format', 'json', '--fail-on', 'info'], REPO);
    assert.equal(r.code, 0, r.out);
    assert.deepEqual((JSON.parse(r.out) as { findings: unknown[] }).findings, []);
    assert.deepEqual(scanAsWorkflow(read('docs/ci/github-actions.yml')), []);
    // The check above is real: the same file with a tag instead of a SHA is reported.
    const unpinned = scanAsWorkflow(read('docs/ci/github-actions.yml').replace(/checkout@[0-9a-f]{40}/, 'checkout@v4'));
    assert.deepEqual(unpinned.map((f) => f.ruleId), ['unpinned-action']);
  });

  for (const file of ['docs/ci/github-actions.yml', '.github/workflows/ci.yml']) {
    it(`${file}: actions pinned to full SHAs with a version comment; no default permissions; jobs ask for little`, () => {
      const text = read(file);
      for (const m of text.matchAll(/uses:\s*(\S+)(.*)/g)) {
        assert.match(m[1]!, /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, `${m[1]} is pinned`);
        assert.match(m[2]!, /# v\d+\.\d+\.\d+/, `${m[1]} names its version`);
      }
      const wf = parse(text) as { permissions: unknown; jobs: Record<string, Job> };
      assert.deepEqual(wf.permissions, {});
      for (const job of Object.values(wf.jobs)) {
        for (const [scope, level] of Object.entries(job.permissions ?? {})) {
          assert.ok(scope === 'contents' ? level === 'read' : scope === 'security-events' && level === 'write', `${scope}: ${level}`);
        }
        const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
        assert.equal(checkout?.with?.['persist-credentials'], false);
      }
    });
  }

  it('GitHub example: SARIF to code scanning, annotations and a gate, with valid forewarn options', () => {
    const text = read('docs/ci/github-actions.yml');
    const [sarif, gate] = forewarnCommands(text);
    assert.deepEqual(sarif!.slice(0, 5), ['scan', '--format', 'sarif', '--output', 'forewarn.sarif']);
    const upload = (parse(text) as { jobs: Record<string, Job> }).jobs.forewarn!.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload?.with?.sarif_file, 'forewarn.sarif');
    assert.ok(gate!.includes('github') && gate!.includes('--fail-on'));
  });

  it('GitLab example: the code quality report the job writes is the one it declares', () => {
    const text = read('docs/ci/forewarn.gitlab-ci.yml');
    const [cmd] = forewarnCommands(text);
    const out = cmd![cmd!.indexOf('--output') + 1];
    assert.ok(cmd!.includes('gitlab'));
    const job = (parse(text) as { forewarn: { artifacts: { when: string; reports: { codequality: string } } } }).forewarn;
    assert.equal(job.artifacts.reports.codequality, out);
    assert.equal(job.artifacts.when, 'always', 'the report is kept when the gate fails the job');
  });

  it('pre-commit hook: runs the package bin on the staged files that Forewarn analyzes', () => {
    const [hook] = parse(read('.pre-commit-hooks.yaml')) as { id: string; entry: string; language: string; files: string }[];
    assert.equal(hook!.id, 'forewarn');
    assert.equal(hook!.language, 'node');
    const [bin, ...args] = hook!.entry.split(' ');
    assert.ok(bin! in (JSON.parse(read('package.json')) as { bin: Record<string, string> }).bin);
    const files = new RegExp(hook!.files);
    for (const p of ['.github/workflows/ci.yml', '.gitlab-ci.yml', 'Dockerfile', 'svc/Dockerfile.prod', 'app.dockerfile', 'Containerfile', 'compose.yaml', 'k8s/deploy.yaml', 'infra/main.tf', 'prod.tfvars']) {
      assert.ok(files.test(p), `${p} is passed to the hook`);
    }
    for (const p of ['README.md', 'src/app.ts', 'Dockerfile.md/notes.txt']) assert.ok(!files.test(p), `${p} is not`);

    // What pre-commit runs: the entry followed by the staged file names.
    const dir = mkdtempSync(join(tmpdir(), 'forewarn-precommit-'));
    try {
      writeFileSync(join(dir, 'Dockerfile'), 'FROM node:20\nUSER node\n');
      writeFileSync(join(dir, 'compose.yaml'), 'services:\n  db:\n    image: postgres:16\n');
      assert.equal(forewarn([...args, 'Dockerfile', 'compose.yaml'], dir).code, 0);
      writeFileSync(join(dir, 'Dockerfile'), `FROM node:20\nUSER node\nENV AWS_ACCESS_KEY_ID=AKIAZ7VRSQ5TJHNLBX4D\n`);
      const bad = forewarn([...args, 'Dockerfile', 'compose.yaml'], dir);
      assert.equal(bad.code, 1, 'a staged secret blocks the commit');
      assert.match(bad.out, /^Dockerfile:3:\d+ critical aws-access-key/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('each integration has its documentation', () => {
    const doc = read('docs/ci/README.md');
    for (const f of readdirSync(join(REPO, 'docs/ci')).filter((n) => n !== 'README.md')) assert.ok(doc.includes(f), `docs/ci/README.md covers ${f}`);
    assert.ok(doc.includes('.pre-commit-hooks.yaml'));
  });
});
