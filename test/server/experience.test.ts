// The editor experience over the protocol: severity mapping, findings on one span grouped, the quick-fix menu
// (each fix once, one "Ignore" for the line, docs), suppression snippets, "Fix All" summaries, offline doc links in
// .forewarn.yml, and the output's header (version, Node, settings, never a token).

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentLink, SnippetTextEdit, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { configTemplate, RULES } from '../../server/src/engine/index.js';
import type { FixAllResult } from '../../server/src/server.js';
import { TestClient } from '../helpers/lsp-client.js';

/** github-env and template-injection on one `run:` line (a title written to $GITHUB_ENV), and an unpinned action. */
const WORKFLOW = `on: issues
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "B=\${{ github.event.issue.title }}" >> "$GITHUB_ENV"
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
`;

const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';

function quickFix(client: TestClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) as Promise<CodeAction[]>;
}

function edits(action: CodeAction): TextDocumentEdit['edits'] {
  const changes = action.edit?.documentChanges as TextDocumentEdit[] | undefined;
  assert.ok(changes && changes.length === 1, `${action.title}: one document edit`);
  return changes[0]!.edits;
}

describe('editor experience', () => {
  let ws: string;
  let client: TestClient;
  const uriOf = (rel: string) => pathToFileURL(join(ws, rel)).toString();

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'forewarn-experience-'));
    mkdirSync(join(ws, '.github/workflows'), { recursive: true });
    client = await TestClient.start({ rootUri: pathToFileURL(ws).toString(), snippets: true, relatedInformation: true, env: { GITHUB_TOKEN: TOKEN } });
  });
  after(async () => {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('maps critical to Error, high and medium to Warning, low to Information, info to Hint; forewarn.severityMap overrides', async () => {
    const uri = uriOf('Dockerfile.sev');
    // critical (a key), medium (latest), low (no USER).
    await client.open(uri, 'FROM node:latest\nENV AWS_ACCESS_KEY_ID=AKIAZ7VRSQ5TJHNLBX4D\nRUN echo hi\n', 'dockerfile');
    const ds = await client.diagnostics(uri, (d) => d.length >= 2, 1);
    const byCode = (ds: Diagnostic[], code: string) => ds.find((d) => d.code === code || d.relatedInformation?.some((r) => r.message.includes(` ${code}:`)));
    assert.equal(byCode(ds, 'aws-access-key')!.severity, 1);
    assert.equal(ds.find((d) => d.code === 'image-latest')!.severity, 2);
    assert.match(String(ds.find((d) => d.code === 'image-latest')!.message), /^medium: /);

    client.settings = { severityMap: { medium: 'information', critical: 'warning', high: 'nonsense' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await client.diagnostics(uri, (d) => d.find((x) => x.code === 'image-latest')?.severity === 3, 1);
    assert.equal(byCode(after, 'aws-access-key')!.severity, 2);
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(uri, (d) => d.find((x) => x.code === 'image-latest')?.severity === 2, 1);
  });

  it('findings on one span are one diagnostic: the others as related information', async () => {
    const uri = uriOf('.github/workflows/group.yml');
    await client.open(uri, WORKFLOW);
    const ds = await client.diagnostics(uri, (d) => d.length === 2, 1);
    const run = ds.find((d) => d.range.start.line === 6)!;
    assert.equal(run.code, 'github-env');
    assert.doesNotMatch(String(run.message), /template-injection/, 'said once, in the related information');
    assert.equal(run.relatedInformation?.length, 1);
    assert.match(String(run.relatedInformation![0]!.message), /^high template-injection: /);
    assert.deepEqual(run.relatedInformation![0]!.location.range.start, { line: 6, character: 21 });
  });

  it('the menu: each fix once, one "Ignore" for every rule on the line, one for the file, then the pages', async () => {
    const uri = uriOf('.github/workflows/menu.yml');
    await client.open(uri, WORKFLOW);
    const ds = await client.diagnostics(uri, (d) => d.length === 2, 1);
    const run = ds.find((d) => d.range.start.line === 6)!;
    const actions = await quickFix(client, uri, run);
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Pass the untrusted value through env: (ISSUE_TITLE) instead of expanding it in the shell',
        'Ignore github-env, template-injection on this line',
        'Ignore github-env, template-injection in this file',
        'Show documentation for github-env',
        'Show documentation for template-injection',
      ],
    );
    // The suppression comment is a snippet: the reason is the first tab stop, selected for typing.
    const [ignore] = edits(actions[1]!) as SnippetTextEdit[];
    assert.equal(ignore!.snippet.value, '      # forewarn-ignore[github-env,template-injection] ${1:reason}\n');
    const [fileIgnore] = edits(actions[2]!) as SnippetTextEdit[];
    assert.equal(fileIgnore!.snippet.value, '# forewarn-ignore-file[github-env,template-injection] ${1:reason}\n');
    // Applied as text (what a client makes of the snippet's default), both findings go.
    const applied = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, WORKFLOW), [{ range: ignore!.range, newText: '      # forewarn-ignore[github-env,template-injection] reason\n' }]);
    await client.changeFull(uri, 2, applied);
    const left = await client.diagnostics(uri, () => true, 2);
    assert.deepEqual(left.map((d) => d.code), ['unpinned-action']);
  });

  it('a diagnostic of an earlier analysis of the same text still gets its menu (a settings reload re-analysed it)', async () => {
    const uri = uriOf('.github/workflows/reload.yml');
    await client.open(uri, WORKFLOW);
    const before = await client.diagnostics(uri, (d) => d.length === 2, 1);
    const run = before.find((d) => d.range.start.line === 6)!;
    const analysisOf = (d: Diagnostic) => (d.data as { analysis: number }).analysis;
    // A settings change that leaves these findings as they are (a repeated notification with nothing changed is not
    // re-analysed at all).
    client.settings = { rules: { 'image-latest': 'low' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(uri, (d) => d.length === 2 && analysisOf(d[0]!) !== analysisOf(before[0]!), 1);
    const titles = (await quickFix(client, uri, run)).map((a) => a.title);
    assert.ok(titles.includes('Ignore github-env, template-injection on this line'), titles.join(' | '));
    // Of another version, nothing: its offsets would not fit the text.
    await client.changeFull(uri, 2, `${WORKFLOW}# more\n`);
    await client.diagnostics(uri, (d) => d.length === 2, 2);
    assert.deepEqual(await quickFix(client, uri, run), []);
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  it('in a multi-line script the one "Ignore" goes above the value and names every rule in it (lines from the worker)', async () => {
    const uri = uriOf('.github/workflows/block.yml');
    const text = `on: issues
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: |
          echo "\${{ github.event.issue.title }}"
          echo "B=\${{ github.event.issue.body }}" >> "$GITHUB_ENV"
`;
    await client.open(uri, text);
    const ds = await client.diagnostics(uri, (d) => d.length === 2, 1);
    const last = ds.find((d) => d.range.start.line === 8)!;
    assert.equal(last.relatedInformation?.length, 1, 'github-env and template-injection on one span');
    const actions = await quickFix(client, uri, last);
    const ignores = actions.filter((a) => a.title.startsWith('Ignore'));
    assert.deepEqual(
      ignores.map((a) => a.title),
      ['Ignore template-injection, github-env on this line', 'Ignore github-env, template-injection in this file'],
    );
    const [ignore] = edits(ignores[0]!) as SnippetTextEdit[];
    assert.deepEqual(ignore!.range.start, { line: 6, character: 0 });
    const applied = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), [{ range: ignore!.range, newText: ignore!.snippet.value.replace('${1:reason}', 'reason') }]);
    await client.changeFull(uri, 2, applied);
    assert.deepEqual(await client.diagnostics(uri, () => true, 2), []);
  });

  it('without snippet support the comment is plain text with the word reason, never <reason>', async () => {
    const plain = await TestClient.start({ rootUri: pathToFileURL(ws).toString() });
    try {
      const uri = uriOf('.github/workflows/plain.yml');
      await plain.open(uri, WORKFLOW);
      const ds = await plain.diagnostics(uri, (d) => d.length >= 2, 1);
      // A client without related information gets the other finding in the message.
      const run = ds.find((d) => d.range.start.line === 6)!;
      assert.match(String(run.message), /\n\nhigh template-injection: /);
      const actions = await quickFix(plain, uri, run);
      const ignore = actions.find((a) => a.title.startsWith('Ignore') && a.title.endsWith('on this line'))!;
      assert.deepEqual(edits(ignore).map((e) => (e as { newText: string }).newText), ['      # forewarn-ignore[github-env,template-injection] reason\n']);
    } finally {
      await plain.stop();
    }
  });

  it('"Fix all" says what it fixes, and what it cannot', async () => {
    const uri = uriOf('.github/workflows/fixall.yml');
    const text = WORKFLOW.replace('permissions: {}', 'permissions:\n  contents: write').replace('          persist-credentials: false\n', '          fetch-depth: 1\n');
    await client.open(uri, text);
    await client.diagnostics(uri, (d) => d.length >= 2, 1);
    const r = (await client.conn.sendRequest('forewarn/fixAll', { uri })) as FixAllResult;
    assert.equal(r.status, 'ok');
    if (r.status !== 'ok') return;
    assert.deepEqual(r.fixed, [
      { ruleId: 'template-injection', count: 1 },
      { ruleId: 'credential-persistence', count: 1 },
    ]);
    assert.equal(r.fixedCount, 2);
    // excessive-permissions' fix (contents: read) is unsafe; github-env has no fix here; unpinned-action needs a lookup.
    assert.deepEqual(r.remaining, { unsafe: 1, lookup: 1, none: 1, again: 0 });
    const source = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(source[0]!.title, 'Forewarn: fix 2 problems (template-injection, credential-persistence)');

    const clean = uriOf('.github/workflows/nothing.yml');
    await client.open(clean, 'on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n');
    await client.diagnostics(clean, (d) => d.length === 1, 1);
    const none = (await client.conn.sendRequest('forewarn/fixAll', { uri: clean })) as FixAllResult;
    assert.deepEqual(none, { status: 'ok', fixed: [], fixedCount: 0, remaining: { unsafe: 0, lookup: 1, none: 0, again: 0 } });
    assert.deepEqual(await client.conn.sendRequest('forewarn/fixAll', { uri: uriOf('notes.txt') }), { status: 'not-analyzed' });
  });

  it('.forewarn.yml links every rule id and the header to the bundled rule pages (offline)', async () => {
    const uri = uriOf('.forewarn.yml');
    const text = `${configTemplate(RULES)}rules:\n  image-latest: low\n`;
    await client.open(uri, text);
    const links = (await client.conn.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as DocumentLink[];
    const targets = links.map((l) => l.target!);
    assert.ok(targets.includes('command:forewarn.showRuleDocumentation'), 'the header');
    assert.equal(targets.filter((t) => t === `command:forewarn.showRuleDocumentation?${encodeURIComponent('["image-latest"]')}`).length, 2);
    assert.equal(links.length, RULES.length + 2);
    // A URL scheme in a rule's description is not a link; a host after it would be.
    assert.doesNotMatch(text, /https?:\/\/[\w-]+\./, 'no repository URL');
  });

  it('the output opens with the version, the Node version and the settings in effect, never the token', async () => {
    await client.until(() => (client.logs.some((l) => l.startsWith('Settings in effect')) ? true : undefined), 'the settings line');
    assert.ok(client.logs.some((l) => /^Forewarn \S+ language server, Node v\d+/.test(l)));
    assert.ok(client.logs.some((l) => /severityMap: critical→error high→warning medium→warning low→information info→hint/.test(l)));
    assert.ok(client.logs.some((l) => l.includes('from GITHUB_TOKEN in the environment (not shown)')));
    assert.ok(!client.logs.some((l) => l.includes(TOKEN)));
  });

  it('the rules request gives the picker id, family, severity and description', async () => {
    const rules = (await client.conn.sendRequest('forewarn/rules')) as { id: string; family: string; severity: string; description: string }[];
    assert.equal(rules.length, RULES.length);
    assert.deepEqual(rules.find((r) => r.id === 'image-latest'), { id: 'image-latest', family: 'pinning', severity: 'medium', description: RULES.find((r) => r.id === 'image-latest')!.description, fix: 'none' });
  });
});
