// Table tests for iam-policy-on-user.

import rule from '../../server/src/rules/permissions/iam-policy-on-user.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/iam.tf';

ruleTester(rule, {
  valid: [
    { name: 'group attachment', path: TF, code: 'resource "aws_iam_group_policy_attachment" "a" {\n  group = "devs"\n  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"\n}\n' },
    { name: 'policy attachment to roles only', path: TF, code: 'resource "aws_iam_policy_attachment" "a" {\n  roles = ["app"]\n  users = []\n}\n' },
  ],
  invalid: [
    { name: 'inline user policy', path: TF, code: 'resource "aws_iam_user_policy" "p" {\n  user = "ci"\n  policy = "{}"\n}\n', errors: [{ line: 1, column: 10, endColumn: 31 }], output: null },
    { name: 'user policy attachment', path: TF, code: 'resource "aws_iam_user_policy_attachment" "a" {\n  user = "ci"\n}\n', errors: [{ line: 1, column: 10 }] },
    { name: 'policy attachment with users', path: TF, code: 'resource "aws_iam_policy_attachment" "a" {\n  users = [aws_iam_user.ci.name]\n}\n', errors: [{ line: 2, column: 3, endColumn: 8 }] },
  ],
});
