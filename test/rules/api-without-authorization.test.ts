// Table tests for api-without-authorization.

import rule from '../../server/src/rules/permissions/api-without-authorization.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/api.tf';
const method = (body: string): string => `resource "aws_api_gateway_method" "m" {\n  rest_api_id = aws_api_gateway_rest_api.a.id\n${body}}\n`;

ruleTester(rule, {
  valid: [
    { name: 'IAM authorization', path: TF, code: method('  http_method = "GET"\n  authorization = "AWS_IAM"\n') },
    { name: 'CORS preflight', path: TF, code: method('  http_method = "OPTIONS"\n  authorization = "NONE"\n') },
    { name: 'API key required', path: TF, code: method('  http_method = "POST"\n  authorization = "NONE"\n  api_key_required = true\n') },
    { name: 'HTTP API route with JWT', path: TF, code: 'resource "aws_apigatewayv2_route" "r" {\n  route_key = "GET /items"\n  authorization_type = "JWT"\n}\n' },
    { name: 'function URL with IAM', path: TF, code: 'resource "aws_lambda_function_url" "u" {\n  authorization_type = "AWS_IAM"\n}\n' },
  ],
  invalid: [
    { name: 'REST method without auth', path: TF, code: method('  http_method = "POST"\n  authorization = "NONE"\n'), errors: [{ line: 4, column: 19, endColumn: 25 }], output: null },
    { name: 'HTTP API route', path: TF, code: 'resource "aws_apigatewayv2_route" "r" {\n  route_key = "POST /orders"\n  authorization_type = "NONE"\n}\n', errors: [{ line: 3, column: 24 }] },
    { name: 'function URL from a variable default', path: TF, code: 'resource "aws_lambda_function_url" "u" {\n  authorization_type = var.auth\n}\nvariable "auth" {\n  default = "NONE"\n}\n', errors: [{ line: 2, column: 24, messageIncludes: 'var.auth' }] },
  ],
});
