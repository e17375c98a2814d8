// Protocol tests for Terraform: diagnostics as you type, a file broken mid-edit, and the ignore action.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client.js';

const MAIN = `terraform {
  required_providers {
    random = { source = "hashicorp/random" }
  }
}

module "vpc" {
  source = "github.com/example-org/terraform-vpc?ref=main"
}
`;

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();

describe('language server: Terraform', () => {
  let ws: string;
  let client: TestClient;
  const uriOf = (rel: string) => pathToFileURL(join(ws, rel)).toString();

  before(async () => {
    ws = mkdtempSync(join(tmpdir(), 'forewarn-lsp-tf-'));
    client = await TestClient.start({ rootUri: pathToFileURL(ws).toString() });
  });
  after(async () => {
    await client.stop();
    rmSync(ws, { recursive: true, force: true });
  });

  it('publishes the pinning findings, keeps them while the file is broken, and recovers', async () => {
    const uri = uriOf('main.tf');
    await client.open(uri, MAIN, 'terraform');
    const ds = await client.diagnostics(uri, (d) => d.length === 2, 1);
    assert.deepEqual(codes(ds), ['unpinned-module', 'unversioned-provider']);
    const mod = ds.find((d) => d.code === 'unpinned-module')!;
    assert.deepEqual(mod.range.start, { line: 7, character: 53 });
    // Mid-edit: the provider block loses its closing brace and a half-typed attribute appears above the module.
    const broken = MAIN.replace('  }\n}\n', '  }\n\nlocals {\n  name = "x\n').replace('module "vpc" {', 'module "vpc" {\n  count =');
    await client.changeFull(uri, 2, broken);
    assert.deepEqual(codes(await client.diagnostics(uri, () => true, 2)), ['unpinned-module', 'unversioned-provider']);
    await client.changeFull(uri, 3, '{{{ "\n<<EOF\n');
    assert.deepEqual(await client.diagnostics(uri, () => true, 3), []);
    await client.changeFull(uri, 4, MAIN);
    assert.equal((await client.diagnostics(uri, () => true, 4)).length, 2);
  });

  it('"Ignore on this line" inserts a comment Terraform accepts, and the finding goes away', async () => {
    const uri = uriOf('ignore.tf');
    await client.open(uri, MAIN, 'terraform');
    const ds = await client.diagnostics(uri, (d) => d.length === 2, 1);
    const mod = ds.find((d) => d.code === 'unpinned-module')!;
    const actions = (await client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: mod.range, context: { diagnostics: [mod] } })) as CodeAction[];
    const ignore = actions.find((a) => a.title === 'Ignore unpinned-module on this line');
    assert.ok(ignore, JSON.stringify(actions.map((a) => a.title)));
    const edits = (ignore.edit!.documentChanges as TextDocumentEdit[])[0]!.edits;
    const text = TextDocument.applyEdits(TextDocument.create(uri, 'terraform', 1, MAIN), edits as never);
    assert.match(text, /\n {2}# forewarn-ignore\[unpinned-module\] reason\n {2}source = /);
    await client.changeFull(uri, 2, text);
    assert.deepEqual(codes(await client.diagnostics(uri, () => true, 2)), ['unversioned-provider']);
  });

  it("resolves variables from the folder's files on disk and from open editors, and re-analyses when a sibling changes", async () => {
    mkdirSync(join(ws, 'db'));
    writeFileSync(join(ws, 'db', 'variables.tf'), 'variable "public" {\n  default = true\n}\n');
    const main = uriOf('db/main.tf');
    const text = 'resource "aws_db_instance" "db" {\n  storage_encrypted   = true\n  publicly_accessible = var.public\n}\n';
    await client.open(main, text, 'terraform');
    const ds = await client.diagnostics(main, (d) => d.some((x) => x.code === 'rds-publicly-accessible'), 1);
    const d = ds.find((x) => x.code === 'rds-publicly-accessible')!;
    assert.deepEqual(d.range.start, { line: 2, character: 24 });
    assert.match(String(d.message), /var\.public, default in variables\.tf:2/);
    // Editing the sibling in the editor (unsaved) changes main.tf's result.
    const vars = uriOf('db/variables.tf');
    await client.open(vars, 'variable "public" {\n  default = true\n}\n', 'terraform');
    await client.changeFull(vars, 2, 'variable "public" {\n  default = false\n}\n');
    await client.diagnostics(main, (x) => !x.some((y) => y.code === 'rds-publicly-accessible'));
  });
});
