// Resolving `var.x` and `local.y` from a file and its folder's files (models/terraform-values.ts), and the edits that
// add a missing attribute to a block (insertIntoBlock).

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/engine/index.js';
import { insertIntoBlock } from '../../server/src/models/terraform-checks.js';
import { attribute, literal, parseTerraform, UNKNOWN } from '../../server/src/models/terraform.js';
import type { ModuleContext } from '../../server/src/models/terraform-values.js';
import { ModuleContextLoader } from '../../server/src/workspace/module-context.js';
import { scan } from '../../server/src/workspace/scan.js';
import { DEFAULT_CONFIG } from '../../server/src/engine/index.js';

function valueOf(text: string, module?: ModuleContext, name = 'x'): { value: unknown; origin: string | undefined; all: unknown[] } {
  const tf = parseTerraform(text, 'main.tf', module);
  const attr = attribute(tf.blocksOfType('resource')[0]!.body, name)!;
  const r = tf.values.resolve(attr.value);
  return { value: literal(r.expr), origin: r.origin, all: tf.values.candidates(attr.value).map((c) => literal(c.expr)) };
}

const res = (v: string): string => `resource "t" "r" {\n  x = ${v}\n}\n`;

describe('terraform values', () => {
  it('a variable default in the same file', () => {
    const r = valueOf(`${res('var.a')}variable "a" {\n  default = true\n}\n`);
    assert.equal(r.value, true);
    assert.equal(r.origin, 'var.a, default at line 5');
  });

  it('a default in another file, overridden by terraform.tfvars and then *.auto.tfvars', () => {
    const files = [{ name: 'variables.tf', text: 'variable "a" {\n  default = 1\n}\n' }];
    assert.deepEqual(valueOf(res('var.a'), { files }).value, 1);
    const withTfvars = { files: [...files, { name: 'terraform.tfvars', text: 'a = 2\n' }] };
    assert.deepEqual(valueOf(res('var.a'), withTfvars), { value: 2, origin: 'var.a, terraform.tfvars:1', all: [2] });
    const withAuto = { files: [...withTfvars.files, { name: 'z.auto.tfvars', text: '\na = 3\n' }] };
    assert.equal(valueOf(res('var.a'), withAuto).origin, 'var.a, z.auto.tfvars:2');
  });

  it('-var-file candidates come after the effective value', () => {
    const files = [{ name: 'variables.tf', text: 'variable "a" {\n  default = 1\n}\n' }, { name: 'prod.tfvars', text: 'a = 9\n' }];
    assert.deepEqual(valueOf(res('var.a'), { files }).all, [1, 9]);
  });

  it('locals, chains through locals to variables, object keys and indexes', () => {
    const files = [{ name: 'locals.tf', text: 'locals {\n  a = local.b\n  b = var.c\n  o = { k = ["p", "q"] }\n}\nvariable "c" {\n  default = "v"\n}\n' }];
    const r = valueOf(res('local.a'), { files });
    assert.equal(r.value, 'v');
    assert.equal(r.origin, 'local.a, set in locals.tf:2 → local.b, set in locals.tf:3 → var.c, default in locals.tf:7');
    assert.equal(valueOf(res('local.o.k[1]'), { files }).value, 'q');
    assert.equal(valueOf(res('local.o["k"][0]'), { files }).value, 'p');
    assert.equal(valueOf(res('local.o.missing'), { files }).value, UNKNOWN);
  });

  it('unknown stays unknown: no default, calls, other roots, cycles', () => {
    assert.equal(valueOf(`${res('var.a')}variable "a" {}\n`).value, UNKNOWN);
    assert.equal(valueOf(`${res('local.a')}locals {\n  a = upper("x")\n}\n`).value, UNKNOWN);
    assert.equal(valueOf(res('data.x.y.z')).value, UNKNOWN);
    assert.equal(valueOf(`${res('local.a')}locals {\n  a = local.b\n  b = local.a\n}\n`).value, UNKNOWN);
  });

  it("the folder's copy of the analysed file is ignored (the editor's text wins)", () => {
    const files = [{ name: 'main.tf', text: 'variable "a" {\n  default = "old"\n}\n' }];
    assert.equal(valueOf(`${res('var.a')}variable "a" {\n  default = "new"\n}\n`, { files }).value, 'new');
    assert.equal(valueOf(res('var.a'), { files }).value, UNKNOWN);
  });

  it('tuple items from elsewhere are reported at the use', () => {
    const files = [{ name: 'variables.tf', text: 'variable "a" {\n  default = ["1", var.b]\n}\nvariable "b" {\n  default = "2"\n}\n' }];
    const tf = parseTerraform(res('var.a'), 'main.tf', { files });
    const attr = attribute(tf.blocksOfType('resource')[0]!.body, 'x')!;
    const items = tf.values.items(tf.values.resolve(attr.value));
    assert.deepEqual(items.map((i) => literal(i.expr)), ['1', '2']);
    assert.deepEqual(items.map((i) => i.range), [attr.value.range, attr.value.range]);
  });
});

describe('insertIntoBlock', () => {
  const insert = (text: string, lines: string[], at = 0): string => {
    const tf = parseTerraform(text);
    const block = tf.blocks[at]!;
    const edit = insertIntoBlock(text, block, lines);
    assert.ok(edit, 'an edit');
    const out = applyEdits(text, [edit]);
    assert.deepEqual(parseTerraform(out).errors, [], out);
    return out;
  };

  it('goes last, indented like the other items', () => {
    assert.equal(insert('resource "a" "b" {\n    x = 1\n}\n', ['y = true']), 'resource "a" "b" {\n    x = 1\n    y = true\n}\n');
  });

  it('keeps CRLF and nests blocks', () => {
    assert.equal(insert('resource "a" "b" {\r\n  x = 1\r\n}\r\n', ['m {', '  t = "r"', '}']), 'resource "a" "b" {\r\n  x = 1\r\n  m {\r\n    t = "r"\r\n  }\r\n}\r\n');
  });

  it('opens up empty and one-line blocks', () => {
    assert.equal(insert('resource "a" "b" {}\n', ['y = 1']), 'resource "a" "b" {\n  y = 1\n}\n');
    assert.equal(insert('  nested { a = 1 }\n', ['y = 1']), '  nested { a = 1\n    y = 1\n  }\n');
  });

  it('refuses an unclosed block', () => {
    const text = 'resource "a" "b" {\n  x = 1\n';
    assert.equal(insertIntoBlock(text, parseTerraform(text).blocks[0]!, ['y = 1']), undefined);
  });
});

describe('ModuleContextLoader', () => {
  it('reads the folder, bounded, re-reads it when it changes, and overlays editor text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forewarn-mod-'));
    try {
      writeFileSync(join(dir, 'main.tf'), 'resource "a" "b" {}\n');
      writeFileSync(join(dir, 'variables.tf'), 'variable "x" {}\n');
      writeFileSync(join(dir, 'big.tf'), 'x'.repeat(2000));
      writeFileSync(join(dir, 'README.md'), '# no\n');
      mkdirSync(join(dir, 'sub.tf'));
      const loader = new ModuleContextLoader({ validate: true, limits: { maxFiles: 10, maxFileBytes: 1000, maxTotalBytes: 10_000 } });
      const a = loader.forFile(join(dir, 'main.tf'))!;
      assert.deepEqual(a.files.map((f) => f.name), ['main.tf', 'variables.tf']);
      assert.equal(loader.forFile(join(dir, 'main.tf')), a, 'cached while nothing changed');
      assert.equal(loader.forFile(join(dir, 'x.tfvars')), undefined, 'only .tf files get a context');
      writeFileSync(join(dir, 'variables.tf'), 'variable "x" {\n  default = 1\n}\n');
      utimesSync(join(dir, 'variables.tf'), new Date(), new Date(Date.now() + 5000));
      const b = loader.forFile(join(dir, 'main.tf'))!;
      assert.notEqual(b, a);
      assert.notEqual(loader.signature(b), loader.signature(a));
      const overlay = new Map([[join(dir, 'variables.tf'), 'variable "x" {\n  default = 2\n}\n']]);
      const c = loader.forFile(join(dir, 'main.tf'), overlay)!;
      assert.equal(c.files.find((f) => f.name === 'variables.tf')!.text, overlay.get(join(dir, 'variables.tf')));
      assert.equal(loader.forFile(join(dir, 'main.tf'), new Map(overlay)), c, 'the same overlay gives the same context');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('forewarn scan', () => {
  it("gives each Terraform file its folder's variables", () => {
    const dir = mkdtempSync(join(tmpdir(), 'forewarn-scan-mod-'));
    try {
      writeFileSync(join(dir, 'main.tf'), 'resource "aws_db_instance" "db" {\n  storage_encrypted   = true\n  publicly_accessible = var.public\n}\n');
      writeFileSync(join(dir, 'variables.tf'), 'variable "public" {\n  default = true\n}\n');
      const report = scan([dir], { config: DEFAULT_CONFIG, root: dir, cwd: dir });
      const f = report.findings.find((x) => x.finding.ruleId === 'rds-publicly-accessible');
      assert.ok(f, JSON.stringify(report.findings.map((x) => x.finding.ruleId)));
      assert.equal(f.path, 'main.tf');
      assert.deepEqual(f.start, { line: 2, character: 24 });
      assert.match(f.finding.message, /var\.public, default in variables\.tf:2/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
