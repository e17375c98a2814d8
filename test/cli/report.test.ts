// The CLI for people: the pretty report, --fix and --diff, help per command, one-line usage errors, notes for files
// it cannot read, output that a scanned file cannot take over (control characters), and quiet machine formats.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { writeIfUnchanged } from '../../server/src/cli/fix.js';
import { escapeData } from '../../server/src/cli/formats/github.js';
import { run, type Io } from '../../server/src/cli/main.js';
import { escapeControl } from '../../server/src/core/escape.js';
import { snapshotOf } from '../../server/src/workspace/scan.js';
import { REPO } from '../helpers/lsp-client.js';
import { withTempDir, writeFiles } from '../helpers/temp-files.js';

const CLI = resolve(REPO, 'dist/cli.js');
const KEY = 'AKIAZ7VRSQ5TJHNLBX4D';
/** A value that, printed raw, erases the line and writes a fake all-clear over it. */
const HOSTILE = 'a/b@v1\x1b[2K\rOK: no findings';

const WORKFLOW = `on: push
permissions:
  contents: write
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "\${{ github.event.head_commit.message }}"
      - uses: actions/upload-artifact@v4
`;

function forewarn(args: string[], cwd: string, extra: Partial<Io> = {}): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(args, { out: (s) => (out += s), err: (s) => (err += s), cwd, ...extra });
  return { code, out, err };
}

function cli(args: string[], cwd: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('pretty report', () => {
  let ws: string;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'forewarn-pretty-'));
    writeFiles(ws, { '.github/workflows/ci.yml': WORKFLOW, Dockerfile: 'FROM node\nUSER node\n' });
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it('is the default on a terminal: by file, the source line with a caret under the range, fixes, docs, a summary', () => {
    const r = forewarn(['scan', '--no-color'], ws, { isTTY: true, env: {} });
    assert.equal(r.code, 1);
    assert.equal(r.err, '');
    const out = r.out;
    // Grouped by file, each file once, with its count.
    assert.match(out, /^\.github\/workflows\/ci\.yml {2}\d+ findings$/m);
    assert.equal(out.split('\n').filter((l) => l.startsWith('Dockerfile')).length, 1);
    // rustc-style: headline, location, the line, a caret exactly under the range.
    assert.match(out, /^high\[unpinned-action\]: Action 'actions\/checkout@v4'/m);
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l === ' --> .github/workflows/ci.yml:8:15');
    assert.ok(at > 0, 'location line');
    assert.equal(lines[at + 2], '8 |       - uses: actions/checkout@v4');
    assert.equal(lines[at + 3], `  | ${' '.repeat(14)}${'^'.repeat(19)}`);
    assert.match(out, /= fix \(looks it up online\): Pin actions\/checkout@v4 to its commit SHA\s+→ forewarn pin \.github\/workflows\/ci\.yml/);
    assert.match(out, /= fix \(safe\): Add `persist-credentials: false` to this checkout\s+→ forewarn scan --fix/);
    assert.match(out, /= docs: forewarn explain unpinned-action/);
    // The summary: a row per rule with severity, count and what can fix it.
    assert.match(out, /^rule +severity +findings +fix$/m);
    assert.match(out, /^template-injection +high +1 +1 safe$/m);
    assert.match(out, /^unpinned-action +high +2 +2 forewarn pin$/m);
    assert.match(out, /^\d+ findings \(\d+ high, \d+ medium\) in 2 files; 2 files scanned\.$/m);
    assert.match(out, /^\d+ can be fixed with `forewarn scan --fix`/m);
  });

  it('colour only on a terminal, never with NO_COLOR; --format text keeps one line per finding', () => {
    assert.match(forewarn(['scan'], ws, { isTTY: true, env: {} }).out, /\x1b\[1;31mhigh/);
    assert.ok(!forewarn(['scan'], ws, { isTTY: true, env: { NO_COLOR: '1' } }).out.includes('\x1b'));
    assert.ok(!forewarn(['scan', '--format', 'pretty'], ws, { isTTY: false, env: {} }).out.includes('\x1b'));
    const text = forewarn(['scan', '--format', 'text'], ws, { isTTY: true, env: { NO_COLOR: '1' } });
    for (const line of text.out.trim().split('\n')) assert.match(line, /^\S+:\d+:\d+ (critical|high|medium|low|info) [a-z0-9-]+ /);
    // Not a terminal: the one-line form, as scripts have always read it.
    assert.match(forewarn(['scan'], ws).out, /^\.github\/workflows\/ci\.yml:8:15 high unpinned-action /m);
  });

  it('findings on the same range share one source line, the most severe first', () => {
    withTempDir('forewarn-pretty-same-', (dir) => {
      writeFiles(dir, { Dockerfile: 'FROM nginx:latest\n' });
      const out = forewarn(['scan', '--no-color', '--fail-on', 'none'], dir, { isTTY: true }).out;
      assert.match(out, /^medium\[image-latest\]: [\s\S]*^also low\[dockerfile-no-user\]: /m);
      assert.equal(out.split('\n').filter((l) => l === '1 | FROM nginx:latest').length, 1);
    });
  });

  it('no findings says so, with the count of files', () => {
    withTempDir('forewarn-pretty-clean-', (dir) => {
      writeFiles(dir, { Dockerfile: 'FROM node:22\nUSER node\n' });
      assert.equal(forewarn(['scan', '--no-color'], dir, { isTTY: true }).out, 'No findings (1 file scanned).\n');
    });
  });
});

describe('output a scanned file cannot take over', () => {
  let ws: string;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'forewarn-escape-'));
    writeFiles(ws, {
      '.github/workflows/ci.yml': `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - uses: "${HOSTILE.replace(/\x1b/g, '\\e').replace(/\r/g, '\\r')}"\n`,
      [`bad\x1b[31mname/Dockerfile`]: 'FROM node\nUSER node\n',
      'notes\x07.txt': 'hello\n',
      'broken.yml': 'x',
    });
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it('escapes ESC, CR, BEL and friends in every format for people, on stdout and stderr, in paths too', () => {
    for (const format of ['text', 'pretty']) {
      const r = forewarn(['scan', '.github', `bad\x1b[31mname`, 'notes\x07.txt', '--format', format], ws, { isTTY: true, env: { NO_COLOR: '1' } });
      for (const [where, s] of [['stdout', r.out], ['stderr', r.err]] as const) {
        assert.doesNotMatch(s, /[\x00-\x08\x0b-\x1f\x7f]/, `${format} ${where} holds a raw control character`);
      }
      assert.match(r.out, /a\/b@v1\\e\[2K\\rOK: no findings/, `${format}: the hostile value is visible as escapes`);
      assert.match(r.out + r.err, /bad\\e\[31mname\/Dockerfile/);
      assert.match(r.out + r.err, /notes\\x07\.txt/);
    }
    assert.equal(escapeControl('a\u202eb\tc\u0085'), 'a\\u{202e}b\tc\\x85');
  });

  it('no format lets a raw control character through: JSON escapes it, GitHub annotations show it as an escape', () => {
    for (const format of ['json', 'sarif', 'gitlab', 'github']) {
      const r = forewarn(['scan', '.github', `bad\x1b[31mname`, '--format', format, '--fail-on', 'none'], ws);
      assert.doesNotMatch(r.out, /[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e]/, `${format} stdout holds a raw control character`);
      assert.equal(r.err, '');
    }
    const github = forewarn(['scan', '.github', '--format', 'github', '--fail-on', 'none'], ws).out;
    assert.match(github, /a\/b@v1\\e\[2K%0DOK: no findings/, 'CR as the workflow-command escape, ESC made visible');
    assert.equal(escapeData('a\x1b[31mb\u202e\x07'), 'a\\e[31mb\\u{202e}\\x07');
  });

  it('--diff and --fix summaries escape the file text and the paths they show', () => {
    withTempDir('forewarn-escape-fix-', (dir) => {
      const name = '.github/workflows/i\x07nj.yml';
      writeFiles(dir, { [name]: 'on: issues\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo "${{ github.event.issue.title }}\x1b[2K"\n' });
      const diff = forewarn(['scan', '--diff'], dir, { isTTY: true, env: { NO_COLOR: '1' } });
      assert.match(diff.out, /^- {6}- run: echo "\$\{\{ github\.event\.issue\.title \}\}\\e\[2K"$/m);
      // The diff's headers quote an unusual name as git does (C escapes).
      assert.match(diff.out, /^--- "a\/\.github\/workflows\/i\\anj\.yml"$/m);
      const fix = forewarn(['scan', '--fix', '--fail-on', 'none', '-f', 'text'], dir);
      assert.match(fix.err, /^\.github\/workflows\/i\\x07nj\.yml: fixed 1 \(1 template-injection\)$/m);
      for (const s of [diff.out, diff.err, fix.out, fix.err]) assert.doesNotMatch(s, /[\x00-\x08\x0b-\x1f\x7f]/);
    });
  });

  it('JSON and SARIF keep the text, JSON-escaped', () => {
    const r = forewarn(['scan', '.github', '--format', 'json'], ws);
    assert.ok(!/[\x1b\r]/.test(r.out));
    assert.ok((JSON.parse(r.out) as { findings: { message: string }[] }).findings.some((f) => f.message.includes(HOSTILE)));
  });
});

describe('machine formats are quiet on stderr', () => {
  it('parse errors, skipped and unknown files and an incomplete scan go into the report, not to stderr', () => {
    withTempDir('forewarn-quiet-', (dir) => {
      writeFiles(dir, {
        '.github/workflows/broken.yml': 'jobs:\n  a:\n    steps:\n      - run: "oops\n',
        'bin/Dockerfile': Buffer.from([0x46, 0x52, 0x00]),
        'notes.txt': 'x',
        Dockerfile: 'FROM node\n',
      });
      for (const format of ['json', 'sarif', 'gitlab', 'github']) {
        const r = forewarn(['scan', '.', 'notes.txt', '--format', format, '--fail-on', 'none'], dir);
        assert.equal(r.err, '', `${format} wrote to stderr: ${r.err}`);
        assert.notEqual(r.out, '');
      }
      const json = JSON.parse(forewarn(['scan', '.', 'notes.txt', '--format', 'json'], dir).out) as { errors: { path: string; type: string }[] };
      assert.deepEqual(json.errors.map((e) => [e.path, e.type]).sort(), [
        ['.github/workflows/broken.yml', 'parse'],
        ['bin/Dockerfile', 'skipped'],
        ['notes.txt', 'skipped'],
      ]);
      // --fix too: what it fixed is in the report's findings, not on stderr.
      writeFiles(dir, { '.github/workflows/fix.yml': 'on: issues\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo "${{ github.event.issue.title }}"\n' });
      for (const format of ['json', 'sarif', 'gitlab', 'github']) {
        const r = forewarn(['scan', '.github/workflows/fix.yml', '--fix', '--format', format, '--fail-on', 'none'], dir);
        assert.equal(r.err, '', `${format} --fix wrote to stderr: ${r.err}`);
      }
      assert.match(readFileSync(join(dir, '.github/workflows/fix.yml'), 'utf8'), /ISSUE_TITLE: \$\{\{ github\.event\.issue\.title \}\}/);
      // Real errors still reach stderr: a usage error produces no report.
      const bad = forewarn(['scan', '--format', 'json', '--nope'], dir);
      assert.equal(bad.out, '');
      assert.match(bad.err, /unknown option/);
    });
  });
});

describe('help and usage errors', () => {
  it('every command has --help and -h (exit 0, on stdout); `forewarn help CMD` too', () => {
    for (const cmd of ['scan', 'baseline', 'rules', 'explain', 'schema']) {
      for (const flag of ['--help', '-h']) {
        const r = forewarn([cmd, flag], REPO);
        assert.equal(r.code, 0, `${cmd} ${flag}`);
        assert.match(r.out, new RegExp(`^Usage: forewarn ${cmd}`), `${cmd} ${flag}`);
        assert.equal(r.err, '');
      }
    }
    assert.match(forewarn(['help', 'scan'], REPO).out, /^Usage: forewarn scan/);
    assert.match(forewarn(['scan', '--help'], REPO).out, /--fix/);
    // pin runs asynchronously from the executable.
    const pin = cli(['pin', '--help'], REPO);
    assert.equal(pin.code, 0);
    assert.match(pin.out, /^Usage: forewarn pin/);
  });

  it('an unknown option is one line with a pointer to the help, exit 2', () => {
    const r = forewarn(['scan', '--nope'], REPO);
    assert.equal(r.code, 2);
    assert.equal(r.err, "forewarn scan: unknown option '--nope' (see `forewarn scan --help`)\n");
    assert.equal(forewarn(['baseline', '-x'], REPO).err, "forewarn baseline: unknown option '-x' (see `forewarn baseline --help`)\n");
    assert.equal(forewarn(['frobnicate'], REPO).err, "forewarn: unknown command 'frobnicate' (see `forewarn --help`)\n");
    assert.equal(forewarn(['scan', '--format'], REPO).err.split('\n').length, 2, 'a missing value: one line too');
    const pin = cli(['pin', '--nope'], REPO);
    assert.equal(pin.code, 2);
    assert.equal(pin.err, "forewarn pin: unknown option '--nope' (see `forewarn pin --help`)\n");
  });

  it('a missing path is echoed as it was typed', () => {
    const r = forewarn(['scan', './no/../such-file.yml'], REPO);
    assert.equal(r.code, 2);
    assert.match(r.err, /no such file or directory: \.\/no\/\.\.\/such-file\.yml /);
  });

  it('explain prints a rule page; an unknown id is a usage error', () => {
    const r = cli(['explain', 'image-latest'], REPO);
    assert.equal(r.code, 0);
    assert.match(r.out, /^## What it flags$/m);
    assert.equal(cli(['explain', 'nope'], REPO).code, 2);
  });
});

describe('a file named on the command line whose kind is unknown', () => {
  it('gets a one-line note instead of silence', () => {
    withTempDir('forewarn-kind-', (dir) => {
      writeFiles(dir, { 'notes.txt': 'x\n', 'docs/notes.md': '# x\n', 'ci/build.yml': 'stages: [a]\n' });
      const r = forewarn(['scan', 'notes.txt', 'docs/notes.md', 'ci/build.yml'], dir);
      assert.equal(r.code, 0);
      assert.match(r.err, /^notes\.txt: not a file kind Forewarn reads; map it with `kinds:` in \.forewarn\.yml/m);
      assert.match(r.err, /^docs\/notes\.md: not a file kind Forewarn reads/m);
      // A YAML file of no pipeline kind is read as a text file (secrets only): no note.
      assert.doesNotMatch(r.err, /ci\/build\.yml: not a file kind/);
      // A folder's files of unknown kind stay silent: the walk passes over them by design.
      assert.doesNotMatch(forewarn(['scan', '.'], dir).err, /not a file kind/);
    });
  });
});

describe('paths for code scanning, GitLab and GitHub', () => {
  it('are relative to the repository root wherever the scan runs, or to --root; never ../', () => {
    withTempDir('forewarn-root-', (repo) => {
      writeFiles(repo, { '.git/HEAD': '', 'svc/Dockerfile': 'FROM node\nUSER node\n', 'other/Dockerfile': 'FROM alpine\nUSER a\n' });
      const cwd = join(repo, 'svc');
      const sarif = JSON.parse(forewarn(['scan', '.', '../other', '--format', 'sarif'], cwd).out) as {
        runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[];
      };
      const uris = sarif.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation);
      assert.deepEqual(uris, [
        { uri: 'svc/Dockerfile', uriBaseId: '%SRCROOT%' },
        { uri: 'other/Dockerfile', uriBaseId: '%SRCROOT%' },
      ]);
      assert.match(sarif.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri, /forewarn-root-[^/]+\/$/);
      const gitlab = JSON.parse(forewarn(['scan', '.', '../other', '--format', 'gitlab'], cwd).out) as { location: { path: string } }[];
      assert.deepEqual(gitlab.map((i) => i.location.path), ['svc/Dockerfile', 'other/Dockerfile']);
      assert.match(forewarn(['scan', '.', '--format', 'github'], cwd).out, /file=svc\/Dockerfile,/);
      // The JSON contract keeps paths relative to the current directory.
      assert.deepEqual((JSON.parse(forewarn(['scan', '.', '../other', '--format', 'json'], cwd).out) as { findings: { path: string }[] }).findings.map((f) => f.path), ['Dockerfile', '../other/Dockerfile']);
      // --root: relative to it; a file outside gets its absolute path.
      const rooted = JSON.parse(forewarn(['scan', '.', '../other', '--format', 'gitlab', '--root', '.'], cwd).out) as { location: { path: string } }[];
      assert.deepEqual(rooted.map((i) => i.location.path), ['Dockerfile', join(repo, 'other/Dockerfile')]);
    });
  });
});

describe('scan --fix and --diff', () => {
  let ws: string;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'forewarn-fix-'));
  });
  after(() => rmSync(ws, { recursive: true, force: true }));
  const reset = () => writeFiles(ws, { '.github/workflows/ci.yml': WORKFLOW, '.github/workflows/crlf.yml': WORKFLOW.replace(/\n/g, '\r\n'), 'Dockerfile': 'FROM node:22\nADD app.js /app/\nUSER node\n' });

  it('--diff shows the safe fixes as a diff and writes nothing', () => {
    reset();
    const r = forewarn(['scan', '--diff'], ws);
    assert.equal(readFileSync(join(ws, '.github/workflows/ci.yml'), 'utf8'), WORKFLOW);
    assert.match(r.out, /^--- a\/\.github\/workflows\/ci\.yml$/m);
    assert.match(r.out, /^\+ {10}persist-credentials: false$/m);
    assert.match(r.out, /^-ADD app\.js \/app\/$/m);
    assert.match(r.out, /^\+COPY app\.js \/app\/$/m);
    assert.doesNotMatch(r.out, /\r/, 'CRLF files are shown with plain line ends');
    assert.match(r.err, /^\.github\/workflows\/ci\.yml: would fix 2 \((1 template-injection, 1 credential-persistence|1 credential-persistence, 1 template-injection)\)$/m);
    assert.match(r.err, /^Would fix 5 problems in 3 files\.$/m);
    assert.equal(forewarn(['scan', '--diff', '--format', 'json'], ws).code, 2, '--diff has no report format');
  });

  it('--diff exits on the findings the report would show: --min-severity applies', () => {
    reset();
    assert.equal(forewarn(['scan', '--diff', '--fail-on', 'low'], ws).code, 1);
    const r = forewarn(['scan', '--diff', '--fail-on', 'low', '--min-severity', 'critical'], ws);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^--- a\/\.github\/workflows\/ci\.yml$/m, 'the diff is still shown');
  });

  it('--fix writes the safe fixes (CRLF kept), reports what remains and what it did; a second run finds nothing to fix', () => {
    reset();
    const r = forewarn(['scan', '--fix', '--fail-on', 'none', '-f', 'text'], ws);
    assert.equal(r.code, 0);
    const fixed = readFileSync(join(ws, '.github/workflows/ci.yml'), 'utf8');
    assert.match(fixed, /persist-credentials: false/);
    assert.match(fixed, /env:\n {10}HEAD_COMMIT_MESSAGE: \$\{\{ github\.event\.head_commit\.message \}\}/);
    const crlf = readFileSync(join(ws, '.github/workflows/crlf.yml'), 'utf8');
    assert.equal(crlf.replace(/\r\n/g, '\n'), fixed, 'the same fixes');
    assert.doesNotMatch(crlf.replace(/\r\n/g, ''), /\n/, 'only CRLF line ends');
    assert.equal(readFileSync(join(ws, 'Dockerfile'), 'utf8'), 'FROM node:22\nCOPY app.js /app/\nUSER node\n');
    // What remains is reported: the unpinned actions, not the fixed findings.
    assert.doesNotMatch(r.out, /template-injection|credential-persistence|dockerfile-add-local/);
    assert.match(r.out, /unpinned-action/);
    assert.match(r.err, /^Fixed 5 problems in 3 files\.$/m);
    const again = forewarn(['scan', '--fix', '--fail-on', 'none', '-f', 'text'], ws);
    assert.match(again.err, /^Nothing to fix automatically\.$/m);
  });

  it('unsafe fixes only with --unsafe-fixes; the pretty report says what was fixed', () => {
    writeFiles(ws, { '.github/workflows/perm.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo hi\n' });
    const safe = forewarn(['scan', '.github/workflows/perm.yml', '--fix', '--fail-on', 'none', '-f', 'text'], ws);
    assert.match(safe.err, /Nothing to fix automatically/);
    const unsafe = forewarn(['scan', '.github/workflows/perm.yml', '--fix', '--unsafe-fixes', '--fail-on', 'none', '--no-color'], ws, { isTTY: true });
    assert.match(readFileSync(join(ws, '.github/workflows/perm.yml'), 'utf8'), /^permissions:\n {2}contents: read\n/m);
    assert.match(unsafe.out, /^Fixed 1 problem in 1 file \(unsafe fixes included\):\n {2}\.github\/workflows\/perm\.yml {2}\+\d+ -\d+ {2}excessive-permissions$/m);
    assert.match(unsafe.out, /No findings/);
  });

  it('never rewrites a file that changed since it was read (size, time or content)', () => {
    const file = join(ws, 'race.txt');
    writeFileSync(file, 'one\n');
    const bytes = readFileSync(file);
    const snap = snapshotOf(bytes, 'one\n', statSync(file).mtimeMs);
    // Same size, same time, other bytes: only the hash tells.
    writeFileSync(file, 'two\n');
    const t = new Date(snap.mtimeMs);
    utimesSync(file, t, t);
    assert.match(writeIfUnchanged(file, snap, 'fixed\n')!, /changed since Forewarn read it/);
    assert.equal(readFileSync(file, 'utf8'), 'two\n');
    writeFileSync(file, 'longer\n');
    assert.match(writeIfUnchanged(file, snap, 'fixed\n')!, /changed since Forewarn read it/);
    // Unchanged: written, with the byte order mark it had.
    writeFileSync(file, '\ufeffone\n');
    const bom = snapshotOf(readFileSync(file), 'one\n', statSync(file).mtimeMs);
    assert.equal(writeIfUnchanged(file, bom, 'fixed\n'), undefined);
    assert.equal(readFileSync(file, 'utf8'), '\ufefffixed\n');
  });

  it('a file that is not UTF-8 is not rewritten; the run says so and exits 2', () => {
    withTempDir('forewarn-fix16-', (dir) => {
      const text = 'FROM node:22\nADD a.js /a/\nUSER node\n';
      writeFileSync(join(dir, 'Dockerfile'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      const r = forewarn(['scan', '--fix', '--fail-on', 'none', '-f', 'text'], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /Dockerfile: not written: the file is not UTF-8 text/);
      assert.equal(readFileSync(join(dir, 'Dockerfile')).subarray(0, 2).toString('hex'), 'fffe');
    });
  });

  it('two fixes that clash in one pass (both add persist-credentials: false) are applied one after the other', () => {
    withTempDir('forewarn-clash-', (dir) => {
      const text = readFileSync(join(REPO, 'examples/.github/workflows/pr-preview.yml'), 'utf8');
      writeFiles(dir, { '.github/workflows/p.yml': text });
      const r = forewarn(['scan', '--fix', '--unsafe-fixes', '--fail-on', 'none', '-f', 'text'], dir);
      assert.match(r.err, /fixed \d+ \([^)]*credential-persistence[^)]*dangerous-triggers/);
      const fixed = readFileSync(join(dir, '.github/workflows/p.yml'), 'utf8');
      assert.equal(fixed.split('persist-credentials: false').length - 1, 1);
      for (const doc of parseAllDocuments(fixed, { uniqueKeys: true })) assert.deepEqual(doc.errors, []);
    });
  });

  it('a fix never prints or keeps a secret it moves: the diff goes through the redactor', () => {
    withTempDir('forewarn-fixkey-', (dir) => {
      writeFiles(dir, { '.github/workflows/k.yml': `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    env:\n      AWS_KEY: ${KEY}\n    steps:\n      - run: echo\n` });
      const r = forewarn(['scan', '--diff', '--unsafe-fixes'], dir);
      assert.match(r.out, /^\+ {6}AWS_KEY: \$\{\{ secrets\.AWS_KEY \}\}$/m);
      // The line it replaces is shown masked (same length, so the diff still lines up).
      assert.match(r.out, /^- {6}AWS_KEY: AKIA\*+BX4D$/m);
      assert.ok(!r.out.includes(KEY) && !r.err.includes(KEY));
    });
  });
});
