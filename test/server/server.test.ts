// Protocol tests: the bundled server over stdio, driven as an editor would drive it.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { REPO, TestClient } from '../helpers/lsp-client.js';

const KEY = 'AKIAZ7VRSQ5TJHNLBX4D';
const WORKFLOW = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      AWS_ACCESS_KEY_ID: ${KEY}
    steps:
      - uses: actions/checkout@v4
      - run: echo hi
permissions: {}
`;

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();

function applyAction(text: string, action: CodeAction, version: number): string {
  const changes = action.edit?.documentChanges as TextDocumentEdit[] | undefined;
  assert.ok(changes && changes.length === 1, 'expected one document edit');
  assert.equal(changes[0]!.textDocument.version, version, 'edit is bound to the document version');
  return TextDocument.applyEdits(TextDocument.create('x', 'yaml', version, text), changes[0]!.edits as never);
}

describe('language server', () => {
  let ws: string;
  let client: TestClient;
  const uriOf = (rel: string) => pathToFileURL(join(ws, rel)).toString();

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'forewarn-lsp-'));
    mkdirSync(join(ws, '.github/workflows'), { recursive: true });
    client = await TestClient.start({ rootUri: pathToFileURL(ws).toString() });
  });
  after(async () => {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('publishes diagnostics on open, with rule code, docs link, source and severity', async () => {
    const uri = uriOf('.github/workflows/open.yml');
    await client.open(uri, WORKFLOW);
    const ds = await client.diagnostics(uri, (d) => d.length > 0, 1);
    assert.deepEqual(codes(ds), ['aws-access-key', 'unpinned-action']);
    const pin = ds.find((d) => d.code === 'unpinned-action')!;
    assert.equal(pin.source, 'forewarn');
    // high shows as a warning by default (only critical is red); our severity stays in the message.
    assert.equal(pin.severity, 2);
    assert.match(String(pin.message), /^high: /);
    assert.deepEqual(pin.range, { start: { line: 7, character: 14 }, end: { line: 7, character: 33 } });
    // The rule's page, offline: a command the extension runs to render the bundled page.
    assert.equal(pin.codeDescription!.href, `command:forewarn.showRuleDocumentation?${encodeURIComponent('["unpinned-action"]')}`);
    const aws = ds.find((d) => d.code === 'aws-access-key')!;
    assert.ok(!String(aws.message).includes(KEY), 'the key never appears in a message');
  });

  it('updates diagnostics on every change, for the latest version', async () => {
    const uri = uriOf('.github/workflows/edit.yml');
    await client.open(uri, 'on: push\njobs:\n  a:\n    steps:\n      - uses: a/b@v1\npermissions: {}\n');
    await client.diagnostics(uri, (d) => d.length === 1, 1);
    // Several quick edits: only the last version's result must stand.
    await client.changeFull(uri, 2, 'on: push\njobs:\n  a:\n    steps:\n      - uses: a/b@v1\n      - uses: c/d@v2\npermissions: {}\n');
    await client.changeFull(uri, 3, 'on: push\njobs:\n  a:\n    steps:\n      - uses: a/b@v1\n      - uses: c/d@v2\n      - uses: e/f@v3\npermissions: {}\n');
    const ds = await client.diagnostics(uri, (d) => d.length === 3, 3);
    assert.deepEqual(ds.map((d) => d.range.start.line), [4, 5, 6]);
    await client.changeFull(uri, 4, 'on: push\n');
    await client.diagnostics(uri, (d) => d.length === 0, 4);
  });

  it('applies a quick fix, and the diagnostic goes away', async () => {
    const uri = uriOf('.github/workflows/fix.yml');
    await client.open(uri, WORKFLOW);
    const ds = await client.diagnostics(uri, (d) => d.length === 2, 1);
    const aws = ds.find((d) => d.code === 'aws-access-key')!;
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: aws.range,
      context: { diagnostics: [aws] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Replace the key with ${{ secrets.AWS_ACCESS_KEY_ID }} (create that repository secret first)',
        'Ignore aws-access-key on this line',
        'Ignore aws-access-key in this file',
        'Show documentation for aws-access-key',
      ],
    );
    assert.deepEqual(actions[3]!.command, { title: 'Show documentation for aws-access-key', command: 'forewarn.showRuleDocumentation', arguments: ['aws-access-key'] });
    assert.notEqual(actions[0]!.isPreferred, true, 'an unsafe fix is never preferred');
    const fixed = applyAction(WORKFLOW, actions[0]!, 1);
    assert.match(fixed, /AWS_ACCESS_KEY_ID: \$\{\{ secrets\.AWS_ACCESS_KEY_ID \}\}/);
    await client.changeFull(uri, 2, fixed);
    const after = await client.diagnostics(uri, () => true, 2);
    assert.deepEqual(codes(after), ['unpinned-action']);
  });

  it('"Ignore on this line" and "Ignore in this file" silence the finding', async () => {
    for (const which of ['on this line', 'in this file']) {
      const uri = uriOf(`.github/workflows/ignore-${which.replace(/ /g, '-')}.yml`);
      await client.open(uri, WORKFLOW);
      const ds = await client.diagnostics(uri, (d) => d.length === 2, 1);
      const pin = ds.find((d) => d.code === 'unpinned-action')!;
      const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: pin.range, context: { diagnostics: [pin] } })) as CodeAction[];
      const ignore = actions.find((a) => a.title === `Ignore unpinned-action ${which}`)!;
      const text = applyAction(WORKFLOW, ignore, 1);
      await client.changeFull(uri, 2, text);
      assert.deepEqual(codes(await client.diagnostics(uri, () => true, 2)), ['aws-access-key'], which);
    }
  });

  it('a suppression comment silences the finding', async () => {
    const uri = uriOf('.github/workflows/suppressed.yml');
    await client.open(uri, WORKFLOW.replace('      - uses: actions/checkout@v4', '      # forewarn-ignore[unpinned-action] reviewed\n      - uses: actions/checkout@v4'));
    assert.deepEqual(codes(await client.diagnostics(uri, () => true, 1)), ['aws-access-key']);
  });

  it('never acts on a code action request for an older version', async () => {
    const uri = uriOf('.github/workflows/stale.yml');
    await client.open(uri, WORKFLOW);
    const ds = await client.diagnostics(uri, (d) => d.length === 2, 1);
    const edited = '# a new first line\n' + WORKFLOW;
    await client.changeFull(uri, 2, edited);
    // The old diagnostic still carries version 1; the document is at version 2.
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: ds[0]!.range, context: { diagnostics: ds } })) as CodeAction[];
    assert.deepEqual(actions, []);
    const fresh = await client.diagnostics(uri, (d) => d.length === 2, 2);
    assert.equal(fresh[0]!.range.start.line, ds[0]!.range.start.line + 1);
  });

  it('after a config change re-analyses the same version, old diagnostics get no actions (their indices moved)', async () => {
    const dir = join(ws, 'reanalysis');
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(join(dir, '.git'), ''); // a repository root: config lookup stops here
    const uri = pathToFileURL(join(dir, '.github/workflows/a.yml')).toString();
    const text = 'on: push\njobs:\n  a:\n    steps:\n      - uses: my-org/x@v1\n      - uses: other/y@v1\npermissions: {}\n';
    await client.open(uri, text);
    const before = await client.diagnostics(uri, (d) => d.length === 2, 1);
    const cfg = join(dir, '.forewarn.yml');
    writeFileSync(cfg, 'allow:\n  actions: [my-org/*]\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(cfg).toString(), type: 1 }] });
    const after = await client.diagnostics(uri, (d) => d.length === 1, 1);
    assert.equal(after[0]!.range.start.line, 5);
    const stale = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: before[0]!.range, context: { diagnostics: [before[0]] } })) as CodeAction[];
    assert.deepEqual(stale, []);
    const fresh = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: after[0]!.range, context: { diagnostics: after } })) as CodeAction[];
    const edit = (fresh.find((a) => a.edit)!.edit!.documentChanges as TextDocumentEdit[])[0]!.edits[0]!;
    assert.equal(edit.range.start.line, 5, 'the ignore comment goes above the finding it was asked for');
  });

  it('YAML broken mid-edit: the server keeps serving and intact parts still report', async () => {
    const uri = uriOf('.github/workflows/broken.yml');
    await client.open(uri, WORKFLOW);
    await client.diagnostics(uri, (d) => d.length === 2, 1);
    const broken = WORKFLOW.replace('      - run: echo hi\n', '      - run: "unterminated\n        with: [\n  bad: : :\n');
    await client.changeFull(uri, 2, broken);
    assert.deepEqual(codes(await client.diagnostics(uri, () => true, 2)), ['aws-access-key', 'unpinned-action']);
    await client.changeFull(uri, 3, '\t\t:\n- [\n{');
    await client.diagnostics(uri, () => true, 3);
    await client.changeFull(uri, 4, WORKFLOW);
    assert.equal((await client.diagnostics(uri, () => true, 4)).length, 2);
  });

  it('closing a document clears its diagnostics', async () => {
    const uri = uriOf('.github/workflows/close.yml');
    await client.open(uri, WORKFLOW);
    await client.diagnostics(uri, (d) => d.length === 2, 1);
    await client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.diagnostics(uri, (d) => d.length === 0);
  });

  it('a binary file gets one informational message', async () => {
    const uri = uriOf('Dockerfile');
    await client.open(uri, `FROM node\0\nENV K=${KEY}\n`, 'dockerfile');
    const ds = await client.diagnostics(uri, (d) => d.length > 0, 1);
    assert.equal(ds.length, 1);
    assert.equal(ds[0]!.severity, 3);
    assert.match(String(ds[0]!.message), /NUL/);
  });

  it('untitled documents are analyzed by language id', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, 'FROM nginx:latest\nUSER nginx\n', 'dockerfile');
    assert.deepEqual(codes(await client.diagnostics(uri, (d) => d.length > 0, 1)), ['image-latest']);
  });

  it('settings: per-rule override and enable are re-read on change', async () => {
    const uri = uriOf('.github/workflows/settings.yml');
    await client.open(uri, WORKFLOW);
    await client.diagnostics(uri, (d) => d.length === 2, 1);
    client.settings = { rules: { 'unpinned-action': 'off', 'aws-access-key': 'medium' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const ds = await client.diagnostics(uri, (d) => d.length === 1 && d[0]!.severity === 2, 1);
    assert.deepEqual(codes(ds), ['aws-access-key']);
    client.settings = { enable: false };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(uri, (d) => d.length === 0, undefined);
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(uri, (d) => d.length === 2);
    // A notification that changes nothing of ours is not a change: no settings line, no re-analysis, no rescan.
    const settingsLines = () => client.logs.filter((l) => l.startsWith('Settings in effect')).length;
    const before = settingsLines();
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    client.settings = { rules: { 'unpinned-action': 'off' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(uri, (d) => d.length === 1);
    await client.until(() => (settingsLines() > before ? true : undefined), 'the changed settings line');
    assert.equal(settingsLines(), before + 1, 'only the real change is logged');
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(uri, (d) => d.length === 2);
  });

  it('.forewarn.yml: an invalid file gets a diagnostic on the bad key; a valid one applies', async () => {
    const cfgPath = join(ws, '.forewarn.yml');
    const cfgUri = pathToFileURL(cfgPath).toString();
    const bad = 'rules:\n  unpinned-actoin: off\n';
    writeFileSync(cfgPath, bad);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 1 }] });
    const uri = uriOf('.github/workflows/config.yml');
    await client.open(uri, WORKFLOW);
    // Invalid config: defaults apply, both findings stay.
    await client.diagnostics(uri, (d) => d.length === 2, 1);
    const cfgDiags = await client.diagnostics(cfgUri, (d) => d.length > 0);
    assert.equal(cfgDiags[0]!.range.start.line, 1);
    assert.match(String(cfgDiags[0]!.message), /unpinned-actoin/);
    writeFileSync(cfgPath, 'rules:\n  unpinned-action: off\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 2 }] });
    await client.diagnostics(cfgUri, (d) => d.length === 0);
    assert.deepEqual(codes(await client.diagnostics(uri, (d) => d.length === 1)), ['aws-access-key']);
    rmSync(cfgPath);
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: cfgUri, type: 3 }] });
    await client.diagnostics(uri, (d) => d.length === 2);
  });

  it('a config file mid-edit (alias before its anchor) is a diagnostic, not a crash', async () => {
    const uri = uriOf('sub/.forewarn.yml');
    await client.open(uri, 'rules: *x\n');
    const ds = await client.diagnostics(uri, (d) => d.length > 0, 1);
    assert.match(String(ds[0]!.message), /alias/i);
    await client.changeFull(uri, 2, 'rules:\n  image-latest: low\n');
    await client.diagnostics(uri, (d) => d.length === 0, 2);
    assert.equal(client.proc.exitCode, null, 'the server is still running');
  });

  it('exits cleanly on shutdown and exit', async () => {
    const c = await TestClient.start();
    assert.equal(await c.stop(), 0);
  });
});

describe('language server with injected rules', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ env: { FOREWARN_TEST_RULES: resolve(REPO, 'out/test/fixtures/test-rules.js') } });
  });
  after(() => client.stop());

  it('source.fixAll.forewarn applies only safe fixes; console output is routed; a throwing rule is logged once and others still work', async () => {
    const uri = 'file:///virtual/.github/workflows/fixall.yml';
    const text = `# todo one\n${WORKFLOW}# todo two\n`;
    await client.open(uri, text);
    const ds = await client.diagnostics(uri, (d) => d.length === 4, 1);
    assert.deepEqual(codes(ds), ['aws-access-key', 'test-safe-fix', 'test-safe-fix', 'unpinned-action']);
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.forewarn');
    const fixed = applyAction(text, actions[0]!, 1);
    assert.equal(fixed, `# TODO one\n${WORKFLOW}# TODO two\n`);
    // The preferred quick fix for a safe finding.
    const todo = ds.find((d) => d.code === 'test-safe-fix')!;
    const quick = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: todo.range, context: { diagnostics: [todo] } })) as CodeAction[];
    assert.equal(quick[0]!.title, 'Upper-case it');
    assert.equal(quick[0]!.isPreferred, true);

    await client.changeFull(uri, 2, fixed);
    assert.deepEqual(codes(await client.diagnostics(uri, () => true, 2)), ['aws-access-key', 'unpinned-action']);
    await client.changeFull(uri, 3, fixed + '\n');
    await client.diagnostics(uri, () => true, 3);
    // console.log inside the analysis worker reaches the client as a log message, not as bytes on stdout.
    await client.until(() => client.logs.find((l) => l.endsWith('stray output from a rule')), 'the rule output in the log');
    const errors = client.logs.filter((l) => l.includes('test-throws'));
    // Fix-all follows the settings in force now, not the last published result.
    client.settings = { rules: { 'test-safe-fix': 'off' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.changeFull(uri, 4, text);
    const none = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(none, []);
    assert.equal(errors.length, 1, 'reported once, not per keystroke');
    assert.match(errors[0]!, /injected failure/);
  });
});
