// Table tests for s3-public-acl.

import rule from '../../server/src/rules/permissions/s3-public-acl.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/s3.tf';

ruleTester(rule, {
  valid: [
    { name: 'private', path: TF, code: 'resource "aws_s3_bucket_acl" "a" {\n  acl = "private"\n}\n' },
    { name: 'variable', path: TF, code: 'resource "aws_s3_bucket_acl" "a" {\n  acl = var.acl\n}\n' },
    { name: 'another resource type', path: TF, code: 'resource "other_thing" "a" {\n  acl = "public-read"\n}\n' },
    { name: 'broken mid-edit', path: TF, code: 'resource "aws_s3_bucket_acl" "a" {\n  acl = \n' },
  ],
  invalid: [
    { name: 'bucket acl resource', path: TF, code: 'resource "aws_s3_bucket_acl" "a" {\n  acl = "public-read"\n}\n', errors: [{ line: 2, column: 9, endColumn: 22 }], output: 'resource "aws_s3_bucket_acl" "a" {\n  acl = "private"\n}\n', fixSafety: 'unsafe' },
    { name: 'legacy bucket argument, CRLF', path: TF, code: 'resource "aws_s3_bucket" "b" {\r\n  bucket = "x"\r\n  acl    = "public-read-write"\r\n}\r\n', errors: [{ line: 3, column: 12 }], output: 'resource "aws_s3_bucket" "b" {\r\n  bucket = "x"\r\n  acl    = "private"\r\n}\r\n' },
  ],
});

fixRoundTrip(rule, [{ name: 'two buckets', path: TF, code: 'resource "aws_s3_bucket_acl" "a" {\n  acl = "public-read"\n}\nresource "aws_s3_bucket" "b" {\n  acl = "authenticated-read"\n}\n' }]);
