// Table tests for iam-privilege-escalation.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule, { actionMatches } from '../../server/src/rules/permissions/iam-privilege-escalation.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/iam.tf';
const policy = (statements: string): string => `resource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [\n${statements}\n    ]\n  })\n}\n`;
const allow = (actions: string, resource = '"*"'): string => `      { Effect = "Allow", Action = [${actions}], Resource = ${resource} },`;

it('action globs', () => {
  assert.ok(actionMatches('iam:Put*Policy', 'iam:PutRolePolicy'));
  assert.ok(actionMatches('IAM:passrole', 'iam:PassRole'));
  assert.ok(actionMatches('iam:?assRole', 'iam:PassRole'));
  assert.ok(!actionMatches('iam:Get*', 'iam:PassRole'));
  assert.ok(!actionMatches('iam:PassRole', 'iam:PassRoles'));
});

ruleTester(rule, {
  valid: [
    { name: 'PassRole alone', path: TF, code: policy(allow('"iam:PassRole"')) },
    { name: 'PassRole and RunInstances scoped to a role', path: TF, code: policy(allow('"iam:PassRole", "ec2:RunInstances"', '"arn:aws:iam::123456789012:role/app"')) },
    { name: 'read-only IAM', path: TF, code: policy(allow('"iam:Get*", "iam:List*"')) },
    { name: 'with a condition', path: TF, code: policy('      { Effect = "Allow", Action = ["iam:PutRolePolicy"], Resource = "*", Condition = { StringEquals = { "aws:ResourceTag/team" = "a" } } },') },
    { name: 'Deny', path: TF, code: policy('      { Effect = "Deny", Action = ["iam:CreateAccessKey"], Resource = "*" },') },
    { name: 'iam:* is iam-wildcard-policy\'s finding', path: TF, code: policy(allow('"iam:*"')) },
  ],
  invalid: [
    { name: 'inline policy write', path: TF, code: policy(allow('"iam:PutRolePolicy"')), errors: [{ line: 5, column: 37, endColumn: 56 }], output: null },
    { name: 'PassRole + RunInstances across statements', path: TF, code: policy(`${allow('"iam:PassRole"')}\n${allow('"ec2:RunInstances"')}`), errors: [{ line: 6, column: 37, messageIncludes: 'iam:PassRole + ec2:RunInstances' }] },
    { name: 'wildcard pattern', path: TF, code: policy(allow('"iam:Attach*"')), errors: [{ line: 5, column: 37, messageIncludes: "via 'iam:Attach*'" }] },
    { name: 'policy document', path: TF, code: 'data "aws_iam_policy_document" "d" {\n  statement {\n    actions   = ["iam:CreateAccessKey"]\n    resources = ["*"]\n  }\n}\n', errors: [{ line: 3, column: 18 }] },
    { name: 'Lambda create and invoke with PassRole', path: TF, code: policy(allow('"iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"')), errors: [{ line: 5, column: 53 }] },
  ],
});
