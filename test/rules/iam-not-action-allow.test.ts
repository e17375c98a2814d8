// Table tests for iam-not-action-allow.

import rule from '../../server/src/rules/permissions/iam-not-action-allow.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/iam.tf';
const policy = (stmt: string): string => `resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [{\n${stmt}\n    }]\n  })\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'Deny with NotAction (MFA guard)', path: TF, code: policy('      Effect = "Deny"\n      NotAction = ["iam:ChangePassword"]\n      Resource = "*"') },
    { name: 'Allow with Action', path: TF, code: policy('      Effect = "Allow"\n      Action = ["s3:GetObject"]\n      Resource = "*"') },
  ],
  invalid: [
    { name: 'Allow with NotAction', path: TF, code: policy('      Effect = "Allow"\n      NotAction = ["iam:*"]\n      Resource = "*"'), errors: [{ line: 5, column: 20, endColumn: 27 }], output: null },
    { name: 'Allow with NotResource in a policy document', path: TF, code: 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions       = ["s3:*"]\n    not_resources = ["arn:aws:s3:::secret/*"]\n  }\n}\n', errors: [{ line: 4, column: 22 }] },
    { name: 'JSON heredoc', path: TF, code: 'resource "aws_iam_role_policy" "p" {\n  policy = <<EOF\n{"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}\nEOF\n}\n', errors: [{ line: 2, column: 12 }] },
  ],
});
