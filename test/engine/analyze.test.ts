// The engine's contract: isolation of rules, declared fixes only, limits, partial results on broken input.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Analyzer, DEFAULT_CONFIG, RULES, applyEdits, safeFixEdits } from '../../server/src/engine/index.js';
import { utf8Length } from '../../server/src/engine/analyze.js';
import { defineRule } from '../../server/src/rules/define.js';

const WF = '.github/workflows/ci.yml';
const KEY = 'AKIAZ7VRSQ5TJHNLBX4D';

const throwing = defineRule({
  id: 'always-throws',
  family: 'hardening',
  kinds: ['github-workflow'],
  severity: 'low',
  description: 'test rule that throws',
  cwe: [710],
  fix: 'none',
  check() {
    throw new Error('boom');
  },
});

const undeclaredFix = defineRule({
  id: 'undeclared-fix',
  family: 'hardening',
  kinds: ['github-workflow'],
  severity: 'low',
  description: 'test rule whose fix is not declared',
  cwe: [710],
  fix: 'none',
  check(ctx) {
    ctx.report({ range: { start: 0, end: 1 }, message: 'm', fixes: [{ title: 't', safety: 'safe', edits: [] }] });
  },
});

const outOfRange = defineRule({
  id: 'out-of-range',
  family: 'hardening',
  kinds: ['github-workflow'],
  severity: 'low',
  description: 'test rule reporting past the end',
  cwe: [710],
  fix: 'none',
  check(ctx) {
    ctx.report({ range: { start: 0, end: ctx.file.text.length + 5 }, message: 'm' });
  },
});

const safeUpper = defineRule({
  id: 'safe-upper',
  family: 'hardening',
  kinds: ['github-workflow'],
  severity: 'low',
  description: 'test rule with a safe fix: upper-cases `todo`',
  cwe: [710],
  fix: 'safe',
  check(ctx) {
    for (const m of ctx.file.text.matchAll(/todo/g)) {
      const range = { start: m.index, end: m.index + 4 };
      ctx.report({ range, message: 'todo', fixes: [{ title: 'upper', safety: 'safe', edits: [{ range, newText: 'TODO' }] }] });
    }
  },
});

describe('analyze', () => {
  it('a throwing rule becomes one rule error and the others still run', () => {
    const a = new Analyzer([throwing, ...RULES]);
    const r = a.analyze({ path: WF, text: `env:\n  K: ${KEY}\njobs:\n  a:\n    steps:\n      - uses: a/b@v1\n` });
    assert.deepEqual(r.ruleErrors.map((e) => e.ruleId), ['always-throws']);
    assert.match(r.ruleErrors[0]!.message, /always-throws.*boom/);
    assert.deepEqual(r.findings.map((f) => f.ruleId).sort(), ['aws-access-key', 'unpinned-action']);
  });

  it('a fix the rule did not declare is dropped and recorded', () => {
    const r = new Analyzer([undeclaredFix]).analyze({ path: WF, text: 'on: push\n' });
    assert.equal(r.findings.length, 1);
    assert.deepEqual(r.findings[0]!.fixes, []);
    assert.match(r.ruleErrors[0]!.message, /declares fix: none/);
  });

  it('a range outside the document is rejected', () => {
    const r = new Analyzer([outOfRange]).analyze({ path: WF, text: 'on: push\n' });
    assert.equal(r.findings.length, 0);
    assert.equal(r.ruleErrors.length, 1);
  });

  it('files above maxFileSize are skipped with one message', () => {
    const text = `env:\n  K: ${KEY}\n` + '#'.repeat(100);
    const r = new Analyzer().analyze({ path: WF, text }, { ...DEFAULT_CONFIG, maxFileSize: 50 });
    assert.equal(r.skipped?.reason, 'too-large');
    assert.deepEqual(r.findings, []);
    assert.match(r.skipped!.message, /maxFileSize/);
  });

  it('the size limit counts UTF-8 bytes, as on disk', () => {
    const text = `FROM node\n# ${'é'.repeat(30)}\n`; // 43 characters, 73 bytes
    const a = new Analyzer();
    assert.equal(a.analyze({ path: 'Dockerfile', text }, { ...DEFAULT_CONFIG, maxFileSize: 60 }).skipped?.reason, 'too-large');
    assert.equal(a.analyze({ path: 'Dockerfile', text }, { ...DEFAULT_CONFIG, maxFileSize: 73 }).skipped, undefined);
    assert.equal(utf8Length('a€😀'), 1 + 3 + 4);
  });

  it('Dockerfiles over 20,000 lines are skipped with a message; 20,000 lines are analyzed', () => {
    const a = new Analyzer();
    const long = a.analyze({ path: 'Dockerfile', text: 'FROM node:latest\n'.repeat(20_000) + 'RUN x' });
    assert.equal(long.skipped?.reason, 'too-large');
    assert.match(long.skipped!.message, /more than 20,000 lines/);
    const ok = a.analyze({ path: 'Dockerfile2/Dockerfile', text: 'FROM node:latest\n'.repeat(19_999) });
    assert.equal(ok.skipped, undefined);
    assert.ok(ok.findings.length > 0);
  });

  it('files with NUL bytes are skipped as binary', () => {
    const r = new Analyzer().analyze({ path: 'Dockerfile', text: `FROM node\0\nENV K=${KEY}` });
    assert.equal(r.skipped?.reason, 'binary');
    assert.deepEqual(r.findings, []);
  });

  it('YAML broken mid-edit: parse errors, and the intact parts still report', () => {
    const text = `env:\n  K: ${KEY}\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n      - run: "unterminated\n        with: [\n`;
    const r = new Analyzer().analyze({ path: WF, text });
    assert.ok(r.parseErrors.length > 0);
    assert.deepEqual(r.findings.map((f) => f.ruleId).sort(), ['aws-access-key', 'unpinned-action']);
    for (const e of r.parseErrors) assert.ok(e.range.start >= 0 && e.range.end <= text.length);
  });

  it('parse error messages never carry a secret', () => {
    const r = new Analyzer().analyze({ path: WF, text: `env:\n  AWS_ACCESS_KEY_ID: |${KEY}\n` });
    assert.ok(r.parseErrors.length > 0);
    assert.ok(r.parseErrors.every((e) => !e.message.includes(KEY)), JSON.stringify(r.parseErrors));
  });

  it('every document of a stream is analyzed', () => {
    const text = 'jobs:\n  a:\n    steps:\n      - uses: a/b@v1\n---\njobs:\n  b:\n    steps:\n      - uses: c/d@v2\n';
    assert.equal(new Analyzer().analyze({ path: WF, text }).findings.length, 2);
  });

  it('unknown kinds produce nothing', () => {
    const r = new Analyzer().analyze({ path: 'src/app.ts', text: KEY });
    assert.equal(r.kind, undefined);
    assert.deepEqual(r.findings, []);
  });

  it('unchanged text is not parsed again; changed text is', () => {
    const a = new Analyzer();
    const text = 'jobs:\n  a:\n    steps:\n      - uses: a/b@v1\n';
    const first = a.analyze({ path: WF, text });
    assert.equal(a.analyze({ path: WF, text }).file, first.file);
    assert.notEqual(a.analyze({ path: WF, text: text + '\n' }).file, first.file);
  });

  it('safe fixes are selected without overlaps and applying them twice changes nothing more', () => {
    const a = new Analyzer([safeUpper]);
    const text = 'on: push # todo todo\n';
    const once = applyEdits(text, safeFixEdits(a.analyze({ path: WF, text }).findings));
    assert.equal(once, 'on: push # TODO TODO\n');
    assert.deepEqual(safeFixEdits(a.analyze({ path: WF, text: once }).findings), []);
  });

  it('only safe fixes go into fix-all', () => {
    const text = `env:\n  K: ${KEY}\n`;
    const findings = new Analyzer().analyze({ path: WF, text }).findings;
    assert.equal(findings[0]!.fixes[0]!.safety, 'unsafe');
    assert.deepEqual(safeFixEdits(findings), []);
  });
});

describe('secrets are reported once', () => {
  it('when a provider rule and the generic rule flag the same value, only the stronger finding stays', () => {
    const r = new Analyzer().analyze({ path: 'main.tf', text: 'resource "aws_instance" "x" {\n  access_key = "AKIAZ7VRSQ5TJHNLBX4D"\n}\n' });
    // (the instance's missing metadata_options is another rule's business)
    assert.deepEqual(r.findings.filter((f) => f.family === 'secrets').map((f) => f.ruleId), ['aws-access-key']);
  });
});
