// The HCL parser and the Terraform model: structure, ranges, literal-or-unknown values, comments, recovery mid-edit.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Range } from '../../server/src/core/types.js';
import {
  UNKNOWN,
  allBlocks,
  attribute,
  blocksOf,
  literal,
  moduleCalls,
  parseTerraform,
  providerRequirements,
  stringValue,
  type HclBlock,
  type HclExpr,
} from '../../server/src/models/terraform.js';
import { parseHcl } from '../../server/src/parsers/hcl.js';
import { rangesOf } from '../helpers/hcl-ranges.js';

const slice = (text: string, r: Range): string => text.slice(r.start, r.end);

/** The value of `name` in a one-attribute file. */
function valueOf(source: string): HclExpr {
  const f = parseHcl(`x = ${source}\n`);
  assert.deepEqual(f.errors, [], source);
  const a = attribute(f.body, 'x');
  assert.ok(a, source);
  return a.value;
}

describe('HCL parser: structure and ranges', () => {
  const text = [
    '# bucket for logs',
    'resource "aws_s3_bucket" "logs" {',
    '  bucket = "my-logs" // trailing',
    '  tags = {',
    '    Name  = "logs"',
    '    "env" : "prod",',
    '  }',
    '  /* block',
    '     comment */',
    '  lifecycle {',
    '    prevent_destroy = true',
    '  }',
    '}',
    '',
    'locals { a = 1 }',
    '',
  ].join('\n');
  const f = parseHcl(text);

  it('parses without errors', () => {
    assert.deepEqual(f.errors, []);
  });
  it('top-level blocks with type, labels and ranges', () => {
    const [bucket, locals] = f.body.items as HclBlock[];
    assert.equal(f.body.items.length, 2);
    assert.equal(bucket!.type, 'resource');
    assert.deepEqual(bucket!.labels.map((l) => l.value), ['aws_s3_bucket', 'logs']);
    assert.equal(slice(text, bucket!.labels[1]!.range), '"logs"');
    assert.equal(slice(text, bucket!.typeRange), 'resource');
    assert.ok(slice(text, bucket!.range).startsWith('resource "aws_s3_bucket"'));
    assert.ok(slice(text, bucket!.range).endsWith('}'));
    assert.equal(bucket!.closed, true);
    assert.equal(locals!.type, 'locals');
    assert.equal(slice(text, locals!.range), 'locals { a = 1 }');
    assert.equal(literal(attribute(locals!.body, 'a')!.value), 1);
  });
  it('attributes with name and value ranges', () => {
    const bucket = f.body.items[0] as HclBlock;
    const a = attribute(bucket.body, 'bucket')!;
    assert.equal(slice(text, a.nameRange), 'bucket');
    assert.equal(slice(text, a.value.range), '"my-logs"');
    assert.equal(a.value.type === 'string' && slice(text, a.value.valueRange), 'my-logs');
    assert.equal(slice(text, a.range), 'bucket = "my-logs"');
  });
  it('objects with = and : and quoted keys', () => {
    const tags = attribute((f.body.items[0] as HclBlock).body, 'tags')!;
    assert.deepEqual(literal(tags.value), { Name: 'logs', env: 'prod' });
  });
  it('nested blocks', () => {
    const bucket = f.body.items[0] as HclBlock;
    const [lc] = blocksOf(bucket.body, 'lifecycle');
    assert.equal(literal(attribute(lc!.body, 'prevent_destroy')!.value), true);
    assert.deepEqual([...allBlocks(f.body)].map((b) => b.type), ['resource', 'lifecycle', 'locals']);
  });
  it('comments of the three styles, with ranges', () => {
    assert.deepEqual(
      f.comments.map((c) => [c.style, slice(text, c.range)]),
      [
        ['#', '# bucket for logs'],
        ['//', '// trailing'],
        ['/*', '/* block\n     comment */'],
      ],
    );
    const tf = parseTerraform(text);
    assert.equal(tf.isComment(text.indexOf('trailing')), true);
    assert.equal(tf.isComment(text.indexOf('my-logs')), false);
  });
});

describe('HCL parser: literal and unknown values', () => {
  const cases: [string, unknown][] = [
    ['"abc"', 'abc'],
    ['42', 42],
    ['-1.5', -1.5],
    ['1e3', 1000],
    ['true', true],
    ['false', false],
    ['null', null],
    ['["a", 1, [true]]', ['a', 1, [true]]],
    ['[\n  "a",\n  "b",\n]', ['a', 'b']],
    ['{ a = "b", c = { d = 1 } }', { a: 'b', c: { d: 1 } }],
    ['"a\\"b\\\\c\\n"', 'a"b\\c\n'],
    ['"\\u00e9"', 'é'],
    ['"$${not.interpolated}"', '${not.interpolated}'],
    ['"%%{literal}"', '%{literal}'],
    ['"emoji 😀"', 'emoji 😀'],
  ];
  for (const [src, expected] of cases) {
    it(`literal ${JSON.stringify(src)}`, () => assert.deepEqual(literal(valueOf(src)), expected));
  }
  const unknown = [
    'var.region',
    'local.tags',
    'data.aws_iam_policy_document.this.json',
    'each.value',
    'module.vpc.vpc_id[0]',
    'aws_s3_bucket.b.id',
    '"${var.env}-bucket"',
    '"%{ if var.x }a%{ endif }"',
    'jsonencode({ a = 1 })',
    'provider::aws::arn_parse("x")',
    '[var.a, "b"]',
    '{ a = var.b }',
    '{ (var.k) = 1 }',
    'var.a ? "x" : "y"',
    '1 + 2',
    '!true',
    '[for s in var.list : upper(s)]',
    '{ for k, v in var.map : k => v if v != null }',
    'var.list[*].id',
    '(var.x)',
  ];
  for (const src of unknown) {
    it(`unknown ${src}`, () => assert.equal(literal(valueOf(src)), UNKNOWN));
  }
  it('a call keeps its name and arguments', () => {
    const v = valueOf('jsonencode({ Version = "2012-10-17", Statement = [{ Action = "*" }] })');
    assert.equal(v.type, 'call');
    assert.ok(v.type === 'call');
    assert.equal(v.name, 'jsonencode');
    assert.deepEqual(literal(v.args[0]!), { Version: '2012-10-17', Statement: [{ Action: '*' }] });
  });
  it('the value range of an escaped string covers the characters in the file', () => {
    const text = 'x = "a\\"b"\n';
    const v = attribute(parseHcl(text).body, 'x')!.value;
    assert.ok(v.type === 'string');
    assert.equal(slice(text, v.valueRange), 'a\\"b');
    assert.equal(v.value, 'a"b');
  });
});

describe('HCL parser: heredocs', () => {
  it('a plain heredoc is a literal string', () => {
    const text = 'policy = <<EOF\n{"a": 1}\nEOF\nnext = 1\n';
    const f = parseHcl(text);
    assert.deepEqual(f.errors, []);
    const v = attribute(f.body, 'policy')!.value;
    assert.equal(stringValue(v), '{"a": 1}\n');
    assert.equal(literal(attribute(f.body, 'next')!.value), 1);
    assert.ok(v.type === 'string' && v.heredoc);
  });
  it('<<- strips the common indentation', () => {
    const f = parseHcl('a = <<-EOT\n    one\n      two\n    EOT\n');
    assert.deepEqual(f.errors, []);
    assert.equal(stringValue(attribute(f.body, 'a')!.value), 'one\n  two\n');
  });
  it('a heredoc with interpolation is unknown', () => {
    const f = parseHcl('a = <<EOT\nhello ${var.name}\nEOT\n');
    assert.deepEqual(f.errors, []);
    assert.equal(attribute(f.body, 'a')!.value.type, 'template');
  });
  it('braces and quotes inside a heredoc are text', () => {
    const f = parseHcl('resource "a" "b" {\n  p = <<EOF\n{ "x": "}" \nEOF\n  q = 2\n}\n');
    assert.deepEqual(f.errors, []);
    assert.equal(literal(attribute((f.body.items[0] as HclBlock).body, 'q')!.value), 2);
  });
  it('CRLF line ends', () => {
    const text = 'a = <<EOF\r\nx\r\nEOF\r\nb = "y"\r\n';
    const f = parseHcl(text);
    assert.deepEqual(f.errors, []);
    assert.equal(stringValue(attribute(f.body, 'a')!.value), 'x\r\n');
    assert.equal(slice(text, attribute(f.body, 'b')!.value.range), '"y"');
  });
});

describe('HCL parser: recovery mid-edit', () => {
  const names = (text: string): string[] =>
    parseHcl(text).body.items.map((i) => (i.kind === 'block' ? `${i.type}.${i.labels.map((l) => l.value).join('.')}` : i.name));

  it('an unclosed block ends where the next top-level block starts', () => {
    const text = 'resource "a" "one" {\n  x = 1\n\nmodule "m" {\n  source = "git::https://example.com/m.git"\n}\n';
    const f = parseHcl(text);
    assert.deepEqual(names(text), ['resource.a.one', 'module.m']);
    assert.equal((f.body.items[0] as HclBlock).closed, false);
    assert.equal(f.errors.length, 1);
    assert.match(f.errors[0]!.message, /not closed/);
    assert.equal(stringValue(attribute((f.body.items[1] as HclBlock).body, 'source')!.value), 'git::https://example.com/m.git');
  });
  it('an unfinished attribute does not swallow what follows', () => {
    const text = 'module "a" {\n  source =\n  version = "1.0.0"\n}\nmodule "b" {\n  source = "x/y/z"\n}\n';
    const f = parseHcl(text);
    assert.deepEqual(names(text), ['module.a', 'module.b']);
    assert.equal(stringValue(attribute((f.body.items[0] as HclBlock).body, 'version')!.value), '1.0.0');
    assert.equal(attribute((f.body.items[0] as HclBlock).body, 'source')!.value.type, 'invalid');
    assert.equal(f.errors.length, 1);
  });
  it('an unterminated string ends with its line', () => {
    const text = 'module "a" {\n  source = "git::https://x\n  version = "2"\n}\nlocals {\n  y = 1\n}\n';
    const f = parseHcl(text);
    assert.deepEqual(names(text), ['module.a', 'locals.']);
    assert.ok(f.errors.some((e) => /Unterminated string/.test(e.message)));
    assert.equal(stringValue(attribute((f.body.items[0] as HclBlock).body, 'version')!.value), '2');
  });
  it('an unclosed object or call stops at the next top-level block', () => {
    for (const open of ['{', 'merge(', '[']) {
      const text = `resource "a" "b" {\n  tags = ${open}\n    A = 1\n}\n\noutput "o" {\n  value = 1\n}\n`;
      assert.deepEqual(names(text).slice(-1), ['output.o'], open);
    }
  });
  it('an unterminated heredoc ends before the next top-level block', () => {
    const text = 'resource "a" "b" {\n  p = <<EOF\n{}\n}\n\nmodule "m" {\n  source = "./m"\n}\n';
    assert.deepEqual(names(text), ['resource.a.b', 'module.m']);
  });
  it('a stray closing brace is an error, not the end', () => {
    const text = '}\nlocals {\n  a = 1\n}\n';
    const f = parseHcl(text);
    assert.deepEqual(names(text), ['locals.']);
    assert.equal(f.errors.length, 1);
  });
  it('text after a value on the same line is an error', () => {
    const f = parseHcl('a = 1 2\nb = 3\n');
    assert.equal(f.errors.length, 1);
    assert.equal(literal(attribute(f.body, 'b')!.value), 3);
  });
  it('a block header without a brace', () => {
    const f = parseHcl('resource "a" "b"\nlocals {\n  x = 1\n}\n');
    assert.deepEqual(f.body.items.map((i) => i.kind === 'block' && i.type), ['resource', 'locals']);
    assert.equal(f.errors.length, 1);
  });
  it('garbage never throws and keeps ranges inside the text', () => {
    const inputs = [
      '',
      '{',
      '}}}}',
      '"',
      '<<',
      '<<EOF\n',
      '/*',
      'a = "${',
      'a = "${"',
      'a = [[[[[',
      'a = (((((',
      'a = {{{{{',
      'x "' + '\\'.repeat(5),
      '\u0000\u0001\uffff\ud800',
      'a = 1 ? : :',
      'a = for',
      'a = [for',
      'a = { for k in',
      'resource resource resource',
      '= = =',
      'a.b.c = 1',
      'a = 1e',
      'a = 1.',
      'a = x.',
      'a = x[',
      'a = provider::',
      '['.repeat(5000),
      '{'.repeat(5000),
      'a = ' + '('.repeat(5000),
      'a { '.repeat(1000),
    ];
    for (const text of inputs) {
      const f = parseHcl(text);
      for (const r of [...rangesOf(f.body), ...f.errors.map((e) => e.range), ...f.comments.map((c) => c.range)]) {
        assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, `${JSON.stringify(text.slice(0, 30))}: ${JSON.stringify(r)}`);
      }
    }
  });
});

describe('Terraform model', () => {
  it('module calls with source and version', () => {
    const tf = parseTerraform('module "vpc" {\n  source  = "terraform-aws-modules/vpc/aws"\n  version = "5.8.1"\n}\nmodule "local" {\n  source = "./m"\n}\n');
    const calls = moduleCalls(tf);
    assert.deepEqual(
      calls.map((c) => [c.name, stringValue(c.source?.value), stringValue(c.version?.value)]),
      [
        ['vpc', 'terraform-aws-modules/vpc/aws', '5.8.1'],
        ['local', './m', undefined],
      ],
    );
  });
  it('provider requirements in the object and legacy forms', () => {
    const tf = parseTerraform(
      'terraform {\n  required_version = ">= 1.5"\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n    random = {\n      source = "hashicorp/random"\n    }\n    null = "~> 3.0"\n  }\n}\n',
    );
    assert.deepEqual(
      providerRequirements(tf).map((p) => [p.name, stringValue(p.source), stringValue(p.version)]),
      [
        ['aws', 'hashicorp/aws', '~> 5.0'],
        ['random', 'hashicorp/random', undefined],
        ['null', undefined, '~> 3.0'],
      ],
    );
  });
  it('.tfvars: top-level attributes', () => {
    const tf = parseTerraform('region = "eu-west-1"\ntags = { team = "x" }\n');
    assert.deepEqual(literal(attribute(tf.body, 'tags')!.value), { team: 'x' });
    assert.equal(tf.blocks.length, 0);
  });
  it('ranges are UTF-16 offsets', () => {
    const text = '# 😀 é\nlocals {\n  a = "😀"\n}\n';
    const tf = parseTerraform(text);
    const a = attribute(tf.blocks[0]!.body, 'a')!;
    assert.equal(slice(text, a.value.range), '"😀"');
  });
  it('heredocAt finds the heredoc around an offset', () => {
    const text = 'locals {\n  p = <<EOF\nline\nEOF\n}\n';
    const tf = parseTerraform(text);
    assert.ok(tf.heredocAt(text.indexOf('line')));
    assert.equal(tf.heredocAt(text.indexOf('locals')), undefined);
  });
});
