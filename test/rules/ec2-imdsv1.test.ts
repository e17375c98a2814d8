// Table tests for ec2-imdsv1.

import rule from '../../server/src/rules/hardening/ec2-imdsv1.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/ec2.tf';
const inst = (mo: string): string => `resource "aws_instance" "web" {\n  ami = "ami-1"\n${mo}}\n`;

ruleTester(rule, {
  valid: [
    { name: 'required', path: TF, code: inst('  metadata_options {\n    http_tokens = "required"\n  }\n') },
    { name: 'IMDS disabled', path: TF, code: inst('  metadata_options {\n    http_endpoint = "disabled"\n    http_tokens   = "optional"\n  }\n') },
    { name: 'variable', path: TF, code: inst('  metadata_options {\n    http_tokens = var.tokens\n  }\n') },
    { name: 'dynamic block is unknown', path: TF, code: inst('  dynamic "metadata_options" {\n    for_each = var.m\n    content {\n      http_tokens = "optional"\n    }\n  }\n') },
    { name: 'account-wide metadata defaults in the module', path: TF, code: inst(''), module: { files: [{ name: 'account.tf', text: 'resource "aws_ec2_instance_metadata_defaults" "d" {\n  http_tokens = "required"\n}\n' }] } },
    { name: 'variable default required', path: TF, code: inst('  metadata_options {\n    http_tokens = var.tokens\n  }\n'), module: { files: [{ name: 'variables.tf', text: 'variable "tokens" {\n  default = "required"\n}\n' }] } },
  ],
  invalid: [
    { name: 'optional', path: TF, code: inst('  metadata_options {\n    http_tokens = "optional"\n  }\n'), errors: [{ line: 4, column: 19, endColumn: 29 }], output: inst('  metadata_options {\n    http_tokens = "required"\n  }\n'), fixSafety: 'unsafe' },
    { name: 'block without http_tokens (low)', path: TF, code: inst('  metadata_options {\n    http_endpoint = "enabled"\n  }\n'), errors: [{ line: 3, column: 3, endColumn: 19 }], output: inst('  metadata_options {\n    http_endpoint = "enabled"\n    http_tokens = "required"\n  }\n') },
    { name: 'no metadata_options (low): the fix adds the block', path: TF, code: inst(''), errors: [{ line: 1, column: 10, messageIncludes: 'no metadata_options block' }], output: inst('  metadata_options {\n    http_tokens = "required"\n  }\n') },
    { name: 'optional from a variable default', path: TF, code: inst('  metadata_options {\n    http_tokens = var.tokens\n  }\n'), module: { files: [{ name: 'variables.tf', text: 'variable "tokens" {\n  default = "optional"\n}\n' }] }, errors: [{ line: 4, column: 19, messageIncludes: 'var.tokens' }], output: null },
    { name: 'launch template, CRLF', path: TF, code: 'resource "aws_launch_template" "t" {\r\n  metadata_options {\r\n    http_tokens = "optional"\r\n  }\r\n}\r\n', errors: [{ line: 3, column: 19 }] },
  ],
});

fixRoundTrip(rule, [
  { name: 'instance', path: TF, code: inst('  metadata_options {\n    http_tokens = "optional"\n  }\n') },
  { name: 'missing block', path: TF, code: inst('') },
]);
