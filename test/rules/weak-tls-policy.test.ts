// Table tests for weak-tls-policy.

import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule, { elbPolicyAllowsOldTls } from '../../server/src/rules/hardening/weak-tls-policy.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/tls.tf';
const listener = (body: string): string => `resource "aws_lb_listener" "l" {\n  port     = 443\n  protocol = "HTTPS"\n${body}}\n`;

it('ELB policy names', () => {
  for (const old of ['ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-TLS-1-0-2015-04', 'ELBSecurityPolicy-TLS-1-1-2017-01', 'ELBSecurityPolicy-FS-2018-06', 'ELBSecurityPolicy-FS-1-1-2019-08', 'ELBSecurityPolicy-TLS13-1-0-2021-06', 'ELBSecurityPolicy-TLS13-1-1-2021-06']) assert.ok(elbPolicyAllowsOldTls(old), old);
  for (const ok of ['ELBSecurityPolicy-TLS13-1-2-2021-06', 'ELBSecurityPolicy-TLS-1-2-Ext-2018-06', 'ELBSecurityPolicy-FS-1-2-Res-2020-10', 'ELBSecurityPolicy-TLS13-1-3-2021-06', 'my-policy']) assert.ok(!elbPolicyAllowsOldTls(ok), ok);
});

ruleTester(rule, {
  valid: [
    { name: 'modern listener policy', path: TF, code: listener('  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n') },
    { name: 'HTTP listener has no TLS policy', path: TF, code: 'resource "aws_lb_listener" "l" {\n  protocol = "HTTP"\n}\n' },
    { name: 'TCP listener', path: TF, code: 'resource "aws_lb_listener" "l" {\n  protocol = "TCP"\n}\n' },
    { name: 'CloudFront with the default certificate (TLSv1 cannot be changed there)', path: TF, code: 'resource "aws_cloudfront_distribution" "d" {\n  viewer_certificate {\n    cloudfront_default_certificate = true\n    minimum_protocol_version = "TLSv1"\n  }\n}\n' },
    { name: 'Azure SQL 1.2', path: TF, code: 'resource "azurerm_mssql_server" "s" {\n  minimum_tls_version = "1.2"\n}\n' },
    { name: 'GCP SSL policy 1.2', path: TF, code: 'resource "google_compute_ssl_policy" "p" {\n  min_tls_version = "TLS_1_2"\n}\n' },
  ],
  invalid: [
    { name: 'old listener policy', path: TF, code: listener('  ssl_policy = "ELBSecurityPolicy-2016-08"\n'), errors: [{ line: 4, column: 16, endColumn: 43 }], output: listener('  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n'), fixSafety: 'unsafe' },
    { name: 'HTTPS listener without a policy (low)', path: TF, code: listener(''), errors: [{ line: 1, column: 10, messageIncludes: 'ELBSecurityPolicy-2016-08' }], output: listener('  ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n') },
    { name: 'CloudFront own certificate, TLSv1', path: TF, code: 'resource "aws_cloudfront_distribution" "d" {\n  viewer_certificate {\n    acm_certificate_arn = var.cert\n    minimum_protocol_version = "TLSv1"\n  }\n}\n', errors: [{ line: 4, column: 32 }] },
    { name: 'OpenSearch', path: TF, code: 'resource "aws_opensearch_domain" "o" {\n  domain_endpoint_options {\n    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"\n  }\n}\n', errors: [{ line: 3, column: 27 }] },
    { name: 'Azure web app, CRLF', path: TF, code: 'resource "azurerm_linux_web_app" "w" {\r\n  site_config {\r\n    minimum_tls_version = "1.0"\r\n  }\r\n}\r\n', errors: [{ line: 3, column: 27 }] },
    { name: 'MySQL enforcement off', path: TF, code: 'resource "azurerm_mysql_server" "m" {\n  ssl_minimal_tls_version_enforced = "TLSEnforcementDisabled"\n}\n', errors: [{ line: 2, column: 38 }] },
    { name: 'GCP SSL policy default (low)', path: TF, code: 'resource "google_compute_ssl_policy" "p" {\n  profile = "MODERN"\n}\n', errors: [{ line: 1, column: 10 }] },
  ],
});

fixRoundTrip(rule, [{ name: 'listener', path: TF, code: listener('') }]);
