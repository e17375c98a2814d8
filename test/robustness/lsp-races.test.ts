// LSP races and lifecycle: a storm of edits ends with the diagnostics of the final text, code actions computed for
// an old version never apply to a newer one, and the server goes away cleanly however the client leaves.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { Analyzer } from '../../server/src/engine/index.js';
import { LineIndex } from '../../server/src/core/text.js';
import { DEFAULT_SEVERITY_MAP } from '../../server/src/lsp/convert.js';
import { findingDiagnostics } from '../../server/src/lsp/diagnostics.js';
import { SERVER, TestClient } from '../helpers/lsp-client.js';
import { kindSamples } from './inputs.js';

const EDITS = 500;

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const INSERTS = ['', 'x', '\n', '  ', '- ', ': ', '"', '${{ github.event.issue.title }}', 'AKIAZ7VRSQ5TJHNLBX4D', ':latest', '#', '{', '}'];

/** Deterministic random edits (fast-check's generator with a fixed seed), applied to a running text. */
function randomEdits(text: string, count: number, seed: number): Edit[] {
  const raw = fc.sample(fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom(...INSERTS)), { numRuns: count, seed });
  const edits: Edit[] = [];
  let t = text;
  for (const [at, len, ins] of raw) {
    const start = at % (t.length + 1);
    const end = Math.min(t.length, start + len);
    edits.push({ start, end, text: ins });
    t = t.slice(0, start) + ins + t.slice(end);
  }
  return edits;
}

const key = (ds: readonly Diagnostic[]) =>
  ds.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`).sort();

describe('LSP races', () => {
  for (const sample of kindSamples()) {
    it(`${EDITS} rapid incremental edits of ${sample.kind}: the final diagnostics are those of the final text`, async () => {
      const client = await TestClient.start();
      try {
        const uri = `file:///races/${sample.path}`;
        await client.open(uri, sample.text, 'plaintext', 1);
        let doc = TextDocument.create(uri, 'plaintext', 1, sample.text);
        const edits = randomEdits(sample.text, EDITS, 7 + sample.kind.length);
        const sends: Promise<void>[] = [];
        for (const [i, e] of edits.entries()) {
          const lines = new LineIndex(doc.getText());
          const range = { start: lines.positionAt(e.start), end: lines.positionAt(e.end) };
          doc = TextDocument.update(doc, [{ range, text: e.text }], i + 2);
          sends.push(client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ range, text: e.text }] }));
        }
        await Promise.all(sends);
        const final = doc.getText();
        const expected = new Analyzer().analyze({ path: uri, text: final, kind: sample.kind });
        const lines = new LineIndex(final);
        // What the server shows for that analysis: findings on one span grouped, our severity in the message.
        const want = key(findingDiagnostics(expected.findings, { uri, lines, version: 0, analysis: 0, display: { severityMap: DEFAULT_SEVERITY_MAP, relatedInformation: false } }));
        const got = await client.diagnostics(uri, () => true, EDITS + 1);
        if (!expected.skipped) assert.deepEqual(key(got), want);
        assert.equal(client.proc.exitCode, null, 'still running');
      } finally {
        await client.stop();
      }
    });
  }

  it('a code action computed for an old version is never applied to a newer one', async () => {
    const client = await TestClient.start();
    try {
      const uri = 'file:///races/.github/workflows/ci.yml';
      const text = 'on: push\njobs:\n  a:\n    runs-on: x\n    env:\n      AWS_ACCESS_KEY_ID: AKIAZ7VRSQ5TJHNLBX4D\n    steps:\n      - run: echo\n';
      await client.open(uri, text, 'yaml', 1);
      const [aws] = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'aws-access-key'), 1);
      // The user types above the finding: version 2 moves every line down.
      await client.changeFull(uri, 2, `# comment\n${text}`);
      const stale = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: aws!.range, context: { diagnostics: [aws] } })) as CodeAction[];
      // Either nothing (the diagnostic is from an older analysis), or edits bound to the current version.
      for (const a of stale) {
        for (const c of (a.edit?.documentChanges ?? []) as TextDocumentEdit[]) assert.equal(c.textDocument.version, 2);
      }
      assert.deepEqual(stale.filter((a) => a.edit), [], 'no edit is offered for a diagnostic of version 1');
      // Fresh diagnostics of version 2 give actions bound to version 2.
      const [fresh] = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'aws-access-key'), 2);
      const ok = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: fresh!.range, context: { diagnostics: [fresh] } })) as CodeAction[];
      const edit = ok.find((a) => a.edit)!.edit!.documentChanges![0] as TextDocumentEdit;
      assert.equal(edit.textDocument.version, 2);
    } finally {
      await client.stop();
    }
  });

  it('closing a document clears its diagnostics when no workspace scan owns it', async () => {
    const client = await TestClient.start();
    try {
      const uri = 'file:///races/Dockerfile';
      await client.open(uri, 'FROM node:latest\nUSER node\n', 'dockerfile', 1);
      await client.diagnostics(uri, (d) => d.length === 1, 1);
      await client.close(uri);
      await client.until(() => (client.published.get(uri)?.diagnostics.length === 0 ? true : undefined), 'cleared');
    } finally {
      await client.stop();
    }
  });
});

describe('server lifecycle', () => {
  it('exits when the client disappears without shutdown (stdin closed)', async () => {
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = once(proc, 'exit');
    proc.stdin.end();
    const [code, signal] = (await Promise.race([exited, new Promise((r) => setTimeout(() => r(['timeout', null]), 10_000))])) as [number | string, string | null];
    assert.notEqual(code, 'timeout', 'the server is still running 10 s after its client went away');
    assert.equal(signal, null);
  });

  it('exits with 0 on shutdown then exit, and with 1 on exit without shutdown', async () => {
    const a = await TestClient.start();
    assert.equal(await a.stop(), 0);
    const b = await TestClient.start();
    const exited = once(b.proc, 'exit');
    await b.conn.sendNotification('exit');
    const [code] = (await exited) as [number];
    assert.equal(code, 1, 'LSP: exit without shutdown is an error exit');
  });
});
