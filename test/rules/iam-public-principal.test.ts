// Table tests for iam-public-principal.

import rule from '../../server/src/rules/permissions/iam-public-principal.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/bucket.tf';
const policy = (stmt: string): string => `resource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = jsonencode({\n    Statement = [{\n${stmt}\n    }]\n  })\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'named account', path: TF, code: policy('      Effect = "Allow"\n      Principal = { AWS = "arn:aws:iam::123456789012:root" }\n      Action = "s3:GetObject"\n      Resource = "*"') },
    { name: 'with a condition', path: TF, code: policy('      Effect = "Allow"\n      Principal = "*"\n      Action = "s3:GetObject"\n      Resource = "*"\n      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-1" } }') },
    { name: 'Deny to everyone is a guard', path: TF, code: policy('      Effect = "Deny"\n      Principal = "*"\n      Action = "s3:*"\n      Resource = "*"') },
    { name: 'policy document with a condition block', path: TF, code: 'data "aws_iam_policy_document" "d" {\n  statement {\n    principals {\n      type        = "*"\n      identifiers = ["*"]\n    }\n    condition {\n      test     = "StringEquals"\n      variable = "aws:PrincipalOrgID"\n      values   = ["o-1"]\n    }\n  }\n}\n' },
    { name: 'Lambda permission for a service, scoped by source ARN', path: TF, code: 'resource "aws_lambda_permission" "p" {\n  principal  = "*"\n  source_arn = aws_s3_bucket.b.arn\n}\n' },
    { name: 'JSON policy with a real condition', path: TF, code: 'resource "aws_sqs_queue_policy" "q" {\n  policy = <<EOF\n{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:eu-west-1:1:t"}}}]}\nEOF\n}\n' },
    { name: 'principal from a variable', path: TF, code: policy('      Effect = "Allow"\n      Principal = { AWS = var.principals }\n      Action = "s3:GetObject"') },
  ],
  invalid: [
    { name: 'Principal "*"', path: TF, code: policy('      Effect = "Allow"\n      Principal = "*"\n      Action = "s3:GetObject"\n      Resource = "*"'), errors: [{ line: 6, column: 19, endColumn: 22 }], output: null },
    { name: 'Principal { AWS = "*" }', path: TF, code: policy('      Effect = "Allow"\n      Principal = { AWS = "*" }\n      Action = "sqs:SendMessage"'), errors: [{ line: 6, column: 27 }] },
    { name: 'empty Condition is no condition', path: TF, code: policy('      Effect = "Allow"\n      Principal = "*"\n      Action = "s3:GetObject"\n      Condition = {}'), errors: [{ line: 6, column: 19 }] },
    { name: 'JSON with an empty condition operator', path: TF, code: 'resource "aws_sns_topic_policy" "t" {\n  policy = "{\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":{\\"AWS\\":\\"*\\"},\\"Action\\":\\"SNS:Publish\\",\\"Condition\\":{\\"StringEquals\\":{}}}]}"\n}\n', errors: [{ line: 2, column: 12 }] },
    { name: 'wildcard account in a trust policy', path: TF, code: 'resource "aws_iam_role" "r" {\n  assume_role_policy = jsonencode({\n    Statement = [{\n      Effect = "Allow"\n      Principal = { AWS = "arn:aws:iam::*:root" }\n      Action = "sts:AssumeRole"\n    }]\n  })\n}\n', errors: [{ line: 5, column: 27, messageIncludes: 'assume the role' }] },
    { name: 'Lambda permission for everyone', path: TF, code: 'resource "aws_lambda_permission" "p" {\n  action    = "lambda:InvokeFunction"\n  principal = "*"\n}\n', errors: [{ line: 3, column: 15 }] },
    { name: 'policy document principals', path: TF, code: 'data "aws_iam_policy_document" "d" {\n  statement {\n    principals {\n      type        = "AWS"\n      identifiers = ["*"]\n    }\n  }\n}\n', errors: [{ line: 5, column: 22 }] },
  ],
});
