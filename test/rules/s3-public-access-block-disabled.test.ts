// Table tests for s3-public-access-block-disabled.

import rule from '../../server/src/rules/permissions/s3-public-access-block-disabled.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/s3.tf';
const pab = (a: string, b: string): string => `resource "aws_s3_bucket_public_access_block" "p" {\n  bucket                  = "x"\n  block_public_acls       = ${a}\n  block_public_policy     = ${b}\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'all true', path: TF, code: pab('true', 'true') },
    { name: 'variables', path: TF, code: pab('var.a', 'var.b') },
    { name: 'broken mid-edit', path: TF, code: 'resource "aws_s3_bucket_public_access_block" "p" {\n  block_public_acls = \n' },
  ],
  invalid: [
    { name: 'two false', path: TF, code: pab('false', 'false'), errors: [{ line: 3, column: 29, endColumn: 34 }, { line: 4, column: 29 }], output: pab('true', 'true'), fixSafety: 'unsafe' },
    {
      name: 'account-level, the other flags left out (low)',
      path: TF,
      code: 'resource "aws_s3_account_public_access_block" "a" {\n  restrict_public_buckets = false\n}\n',
      errors: [{ line: 1, column: 10 }, { line: 1, column: 10 }, { line: 1, column: 10 }, { line: 2, column: 29 }],
      output: 'resource "aws_s3_account_public_access_block" "a" {\n  restrict_public_buckets = true\n  ignore_public_acls = true\n  block_public_policy = true\n  block_public_acls = true\n}\n',
    },
    { name: 'false from a local', path: TF, code: pab('local.off', 'true') + 'locals {\n  off = false\n}\n', errors: [{ line: 3, column: 29, endColumn: 38, messageIncludes: 'local.off, set at line 9' }], output: null },
  ],
});

fixRoundTrip(rule, [{ name: 'bucket block', path: TF, code: pab('false', 'false') }]);
