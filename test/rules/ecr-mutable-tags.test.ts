// Table tests for ecr-mutable-tags.

import rule from '../../server/src/rules/pinning/ecr-mutable-tags.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/ecr.tf';

ruleTester(rule, {
  valid: [
    { name: 'immutable', path: TF, code: 'resource "aws_ecr_repository" "r" {\n  image_tag_mutability = "IMMUTABLE"\n}\n' },
    { name: 'unknown', path: TF, code: 'resource "aws_ecr_repository" "r" {\n  image_tag_mutability = var.mutability\n}\n' },
  ],
  invalid: [
    { name: 'mutable', path: TF, code: 'resource "aws_ecr_repository" "r" {\n  image_tag_mutability = "MUTABLE"\n}\n', errors: [{ line: 2, column: 26, endColumn: 35 }], output: 'resource "aws_ecr_repository" "r" {\n  image_tag_mutability = "IMMUTABLE"\n}\n', fixSafety: 'unsafe' },
    { name: 'default, CRLF', path: TF, code: 'resource "aws_ecr_repository" "r" {\r\n  name = "app"\r\n}\r\n', errors: [{ line: 1, column: 10, messageIncludes: 'MUTABLE' }], output: 'resource "aws_ecr_repository" "r" {\r\n  name = "app"\r\n  image_tag_mutability = "IMMUTABLE"\r\n}\r\n' },
  ],
});

fixRoundTrip(rule, [{ name: 'default', path: TF, code: 'resource "aws_ecr_repository" "r" {\n  name = "app"\n}\n' }]);
