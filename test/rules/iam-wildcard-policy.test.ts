// Table tests for iam-wildcard-policy.

import rule from '../../server/src/rules/permissions/iam-wildcard-policy.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/iam.tf';
const jsonPolicy = (stmt: string): string => `resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n${stmt}\n    }]\n  })\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'scoped action', path: TF, code: jsonPolicy('      Effect = "Allow"\n      Action = ["s3:GetObject"]\n      Resource = "*"') },
    { name: 'wildcard action on a scoped resource', path: TF, code: jsonPolicy('      Effect = "Allow"\n      Action = "s3:*"\n      Resource = "arn:aws:s3:::b/*"') },
    { name: 'Deny', path: TF, code: jsonPolicy('      Effect = "Deny"\n      Action = "*"\n      Resource = "*"') },
    { name: 'resource from a variable is unknown', path: TF, code: jsonPolicy('      Effect = "Allow"\n      Action = "*"\n      Resource = var.resources') },
    { name: 'action from a variable is unknown', path: TF, code: 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = var.actions\n    resources = ["*"]\n  }\n}\n' },
    { name: 'heredoc with interpolation is unknown', path: TF, code: 'resource "aws_iam_policy" "p" {\n  policy = <<EOF\n{"Statement":[{"Effect":"Allow","Action":"*","Resource":"${var.arn}"}]}\nEOF\n}\n' },
    { name: 'Azure role with listed actions', path: TF, code: 'resource "azurerm_role_definition" "r" {\n  permissions {\n    actions = ["Microsoft.Compute/*/read"]\n  }\n}\n' },
    { name: 'broken mid-edit', path: TF, code: 'resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Statement = [{ Action = "*", Resource = \n' },
  ],
  invalid: [
    { name: 'jsonencode', path: TF, code: jsonPolicy('      Effect = "Allow"\n      Action = "*"\n      Resource = "*"'), errors: [{ line: 6, column: 16, endColumn: 19 }], output: null },
    { name: 'service wildcard in a list', path: TF, code: jsonPolicy('      Effect = "Allow"\n      Action = ["s3:GetObject", "iam:*"]\n      Resource = ["*"]'), errors: [{ line: 6, column: 33 }] },
    { name: 'policy document, effect defaults to Allow', path: TF, code: 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["*"]\n    resources = ["*"]\n  }\n}\n', errors: [{ line: 3, column: 18, endColumn: 21 }] },
    { name: 'heredoc JSON (finding on the whole document)', path: TF, code: 'resource "aws_iam_role_policy" "p" {\n  policy = <<EOF\n{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*"}}\nEOF\n}\n', errors: [{ line: 2, column: 12 }] },
    { name: 'Azure custom role, CRLF', path: TF, code: 'resource "azurerm_role_definition" "r" {\r\n  permissions {\r\n    actions = ["*"]\r\n  }\r\n}\r\n', errors: [{ line: 3, column: 16 }] },
  ],
});
