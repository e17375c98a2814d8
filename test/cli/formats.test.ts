// Machine formats as their consumers read them: SARIF 2.1.0 (validated against the schema), GitLab code quality,
// GitHub workflow commands.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { annotationCommand, escapeData, escapeProperty, formatGithub } from '../../server/src/cli/formats/github.js';
import { GITLAB_SEVERITY } from '../../server/src/cli/formats/gitlab.js';
import type { FormatInput } from '../../server/src/cli/formats/index.js';
import { FINGERPRINT_KEY, formatSarif, pathUri, relativeLinksAsText, whatItFlags } from '../../server/src/cli/formats/sarif.js';
import { run } from '../../server/src/cli/main.js';
import { LineIndex } from '../../server/src/core/text.js';
import { RULES } from '../../server/src/engine/index.js';
import { createRedactor } from '../../server/src/engine/redaction.js';
import { REPO } from '../helpers/lsp-client.js';

const SCHEMA = join(REPO, 'test/fixtures/sarif-schema-2.1.0.json');
const KEY = 'AKIAZ7VRSQ5TJHNLBX4D';

function forewarn(args: string[], cwd: string, stdin?: string): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(args, { out: (s) => (out += s), err: (s) => (err += s), cwd, ...(stdin !== undefined ? { stdin: () => stdin } : {}) });
  return { code, out, err };
}

/** The SARIF 2.1.0 schema (draft-07); this copy keeps the log's root schema under definitions/Root. */
function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(SCHEMA, 'utf8')) as { $id: string; definitions: Record<string, unknown> };
  // The schema's `language` pattern is not valid with the `u` flag (a stray `]`): compile patterns without it.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  ajv.addSchema(schema);
  const root = schema.definitions.Root ? `${schema.$id}#/definitions/Root` : schema.$id;
  return ajv.getSchema(root)!;
}

function assertValid(validate: ValidateFunction, log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, `SARIF does not validate: ${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}`);
}

interface Sarif {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; helpUri: string; defaultConfiguration: { level: string }; properties: { tags: string[]; 'security-severity': string } }[] } };
    invocations: { exitCode: number; executionSuccessful: boolean; startTimeUtc: string; endTimeUtc: string }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
      partialFingerprints: Record<string, string>;
      fixes?: { artifactChanges: { replacements: { deletedRegion: Record<string, number>; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

describe('SARIF output', () => {
  let ws: string;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'forewarn-sarif-'));
    const files: Record<string, string> = {
      '.github/workflows/ci.yml': `on: push\njobs:\n  a:\n    env:\n      K: ${KEY}\n    steps:\n      - uses: actions/checkout@v4\npermissions: {}\n`,
      'dir with space/Dockerfile': 'FROM node:latest\nUSER node\n',
      'broken/.github/workflows/x.yml': 'jobs:\n  a:\n    steps:\n      - run: "oops\n',
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(ws, rel)), { recursive: true });
      writeFileSync(join(ws, rel), text);
    }
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it('the schema file is in the test fixtures, and the validator rejects what is not SARIF', () => {
    // Kept in the repository so validation needs no network; see docs/cli.md#sarif-output.
    assert.ok(existsSync(SCHEMA), `missing ${SCHEMA}`);
    const validate = sarifValidator();
    assert.equal(validate({ version: '2.1.0' }), false, 'runs is required');
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), false);
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'error' }] }] }), true);
  });

  it('a real scan validates against the SARIF 2.1.0 schema and carries what code scanning needs', () => {
    const r = forewarn(['scan', '--format', 'sarif'], ws);
    assert.equal(r.code, 1);
    assert.equal(r.err, '');
    const log = JSON.parse(r.out) as Sarif;
    assertValid(sarifValidator(), log);
    assert.equal(log.version, '2.1.0');
    const runObj = log.runs[0]!;
    const driver = runObj.tool.driver;
    assert.equal(driver.name, 'Forewarn');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(driver.rules.map((x) => x.id), RULES.map((x) => x.id));
    for (const [i, rule] of driver.rules.entries()) {
      const meta = RULES[i]!;
      assert.ok(rule.properties.tags.includes('security'));
      for (const cwe of meta.cwe) assert.ok(rule.properties.tags.includes(`external/cwe/cwe-${cwe}`), `${rule.id} tags CWE-${cwe}`);
      // The documentation is not published at a fixed address: the page travels in `help` instead.
      assert.equal(rule.helpUri, undefined);
      assert.match(rule.properties['security-severity'], /^\d+\.\d$/);
    }
    const aws = driver.rules.find((x) => x.id === 'aws-access-key')!;
    assert.equal(aws.defaultConfiguration.level, 'error');
    assert.equal(aws.properties['security-severity'], '9.5');

    const inv = runObj.invocations[0]!;
    assert.equal(inv.exitCode, 1);
    assert.equal(inv.executionSuccessful, true);
    assert.ok(Date.parse(inv.endTimeUtc) >= Date.parse(inv.startTimeUtc));

    assert.deepEqual(
      runObj.results.map((x) => [x.ruleId, x.level, x.locations[0]!.physicalLocation.artifactLocation.uri, x.locations[0]!.physicalLocation.region.startLine, x.locations[0]!.physicalLocation.region.startColumn]),
      [
        ['aws-access-key', 'error', '.github/workflows/ci.yml', 5, 10],
        ['unpinned-action', 'error', '.github/workflows/ci.yml', 7, 15],
        ['image-latest', 'warning', 'dir%20with%20space/Dockerfile', 1, 6],
      ],
    );
    for (const x of runObj.results) {
      assert.equal(driver.rules[x.ruleIndex]!.id, x.ruleId);
      assert.match(x.partialFingerprints[FINGERPRINT_KEY]!, /^[0-9a-f]{32}$/);
    }
  });

  it('the bundled CLI embeds each rule page as help (links to other pages made text) and still validates', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), 'scan', '--format', 'sarif'], { cwd: ws, encoding: 'utf8' });
    const log = JSON.parse(r.stdout) as Sarif & { runs: { tool: { driver: { rules: { id: string; help: { markdown: string }; fullDescription: { text: string } }[] } } }[] };
    assertValid(sarifValidator(), log);
    for (const rule of log.runs[0]!.tool.driver.rules) {
      assert.match(rule.help.markdown, /^## What it flags$/m, `${rule.id} help is its page`);
      assert.match(rule.help.markdown, /^## Fix$/m);
      for (const m of rule.help.markdown.matchAll(/\]\(([^)\s]+)\)/g)) assert.match(m[1]!, /^(https?:|#)/, `${rule.id}: ${m[1]} is absolute`);
      assert.ok(!rule.fullDescription.text.includes('\n'));
    }
    assert.equal(whatItFlags('# x\n\n## What it flags\n\nA line\nwrapped.\n\nMore.\n'), 'A line wrapped.');
    assert.equal(
      relativeLinksAsText('See [image-latest](image-latest.md#fix), [config](../configuration.md#rules), [CWE](https://cwe.mitre.org/x) and [here](#fix).'),
      'See image-latest (`forewarn explain image-latest`), config, [CWE](https://cwe.mitre.org/x) and [here](#fix).',
    );
  });

  it('never contains a secret: messages are redacted and no source text is copied', () => {
    const out = forewarn(['scan', '--format', 'sarif'], ws).out;
    assert.ok(!out.includes(KEY));
    assert.ok(out.includes('AKIA…BX4D'));
    assert.ok(!out.includes('"snippet"'));
  });

  it('safe fixes become SARIF fixes (1-based regions, inserted text); other fixes do not', () => {
    const text = 'on: push\r\njobs: # todo\r\n';
    const lines = new LineIndex(text);
    const range = { start: text.indexOf('todo'), end: text.indexOf('todo') + 4 };
    const finding = (safety: 'safe' | 'unsafe') => ({
      path: '.github/workflows/a.yml',
      absPath: join(ws, '.github/workflows/a.yml'),
      lines,
      finding: { ruleId: 'image-latest', family: 'pinning' as const, severity: 'low' as const, message: 'm', range, fixes: [{ title: 'Upper-case it', safety, edits: [{ range, newText: 'TODO' }] }] },
      redactor: createRedactor(text, []),
      start: lines.positionAt(range.start),
      end: lines.positionAt(range.end),
      fingerprint: '0'.repeat(32),
      rootFingerprint: '1'.repeat(32),
    });
    const input: FormatInput = {
      findings: [finding('safe'), finding('unsafe')],
      errors: [{ path: 'broken.yml', absPath: join(ws, 'broken.yml'), type: 'parse', message: 'bad', line: 2, column: 3 }],
      files: 1,
      baselined: 0,
      exitCode: 0,
      startTime: new Date(0),
      endTime: new Date(5),
      version: '1.2.3',
      rules: RULES.map((r) => ({ ...r, effectiveSeverity: r.severity })),
      cwd: ws,
      root: ws,
      argv: ['scan', '--format', 'sarif'],
      color: false,
      quiet: false,
      width: 100,
    };
    const log = JSON.parse(formatSarif(input)) as Sarif;
    assertValid(sarifValidator(), log);
    const [safe, unsafe] = log.runs[0]!.results;
    assert.equal(safe!.level, 'note');
    assert.deepEqual(safe!.fixes![0]!.artifactChanges[0]!.replacements, [
      { deletedRegion: { startLine: 2, startColumn: 9, endLine: 2, endColumn: 13 }, insertedContent: { text: 'TODO' } },
    ]);
    assert.equal(unsafe!.fixes, undefined);
  });

  it('paths become URI references relative to %SRCROOT% (the root); a file outside it gets an absolute file URI, never ../', () => {
    const r = forewarn(['scan', '--stdin', '--stdin-filename', '../elsewhere/Dockerfile', '--format', 'sarif'], ws, 'FROM node\nUSER node\n');
    const log = JSON.parse(r.out) as Sarif;
    assertValid(sarifValidator(), log);
    assert.deepEqual(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation, { uri: pathUri(join(dirname(ws), 'elsewhere/Dockerfile')) });
    assert.equal(pathUri('/a b/c#1.yml'), 'file:///a%20b/c%231.yml');
    assert.equal(pathUri('C:\\x y\\Dockerfile'), 'file:///C:/x%20y/Dockerfile');
  });

  it('the invocation records the exit code; parse errors become notifications', () => {
    const input = JSON.parse(forewarn(['scan', '--format', 'sarif', '--fail-on', 'none'], ws).out) as Sarif;
    assert.equal(input.runs[0]!.invocations[0]!.exitCode, 0);
    // A parse error is a notification, not a failure.
    assert.match(JSON.stringify(input.runs[0]!.invocations), /parse: /);
  });
});

describe('GitLab code quality output', () => {
  it('issues with description, check_name, unique fingerprint, severity and location', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forewarn-gitlab-'));
    try {
      writeFileSync(join(dir, 'Dockerfile'), 'FROM node\nFROM node\nUSER node\n');
      const r = forewarn(['scan', '--format', 'gitlab'], dir);
      assert.equal(r.code, 0);
      const issues = JSON.parse(r.out) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
      assert.deepEqual(
        issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines.begin]),
        [
          ['image-latest', 'major', 'Dockerfile', 1],
          ['image-latest', 'major', 'Dockerfile', 2],
        ],
      );
      assert.ok(issues.every((i) => i.description.length > 0));
      // The same line twice: GitLab needs distinct fingerprints.
      assert.notEqual(issues[0]!.fingerprint, issues[1]!.fingerprint);
      assert.deepEqual(Object.values(GITLAB_SEVERITY), ['info', 'minor', 'major', 'critical', 'blocker']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('no findings is an empty array', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forewarn-gitlab-'));
    try {
      writeFileSync(join(dir, 'Dockerfile'), 'FROM node:20\nUSER node\n');
      assert.deepEqual(JSON.parse(forewarn(['scan', '--format', 'gitlab'], dir).out), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('GitHub annotations output', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
    assert.equal(escapeData('%0A'), '%250A', 'an existing escape is not kept as one');
    assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
    assert.deepEqual(['critical', 'high', 'medium', 'low', 'info'].map((s) => annotationCommand(s as 'high')), ['error', 'error', 'warning', 'notice', 'notice']);
  });

  it('one command per finding with file, line, col, endLine, endColumn and title', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forewarn-github-'));
    try {
      mkdirSync(join(dir, 'a,b:c'));
      writeFileSync(join(dir, 'a,b:c/Dockerfile'), 'FROM node:latest\nUSER node\n');
      const r = forewarn(['scan', '--format', 'github'], dir);
      const lines = r.out.trim().split('\n');
      assert.equal(lines.length, 1);
      assert.match(lines[0]!, /^::warning file=a%2Cb%3Ac\/Dockerfile,line=1,col=6,endLine=1,endColumn=17,title=Forewarn image-latest \(medium\)::Base image/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('formats a message with newlines as one command', () => {
    const lines = new LineIndex('x');
    const out = formatGithub({
      findings: [{ path: 'f', absPath: '/r/f', lines, finding: { ruleId: 'r', family: 'secrets', severity: 'low', message: 'a\nb', range: { start: 0, end: 1 }, fixes: [] }, start: { line: 0, character: 0 }, end: { line: 0, character: 1 }, fingerprint: '' }],
      errors: [],
      root: '/r',
    } as unknown as FormatInput);
    assert.equal(out, '::notice file=f,line=1,col=1,endLine=1,endColumn=2,title=Forewarn r (low)::a%0Ab\n');
  });
});
