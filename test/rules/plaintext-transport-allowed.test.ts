// Table tests for plaintext-transport-allowed.

import rule from '../../server/src/rules/hardening/plaintext-transport-allowed.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/web.tf';
const http = (action: string): string => `resource "aws_lb_listener" "http" {\n  port     = 80\n  protocol = "HTTP"\n  default_action {\n${action}  }\n}\n`;
const app = (body: string): string => `resource "azurerm_linux_web_app" "w" {\n  name = "w"\n${body}}\n`;

ruleTester(rule, {
  valid: [
    { name: 'HTTP listener that redirects', path: TF, code: http('    type = "redirect"\n    redirect {\n      port        = "443"\n      protocol    = "HTTPS"\n      status_code = "HTTP_301"\n    }\n') },
    { name: 'HTTP listener with a fixed response', path: TF, code: http('    type = "fixed-response"\n') },
    { name: 'CloudFront redirect', path: TF, code: 'resource "aws_cloudfront_distribution" "d" {\n  default_cache_behavior {\n    viewer_protocol_policy = "redirect-to-https"\n  }\n}\n' },
    { name: 'App Service HTTPS only', path: TF, code: app('  https_only = true\n') },
    { name: 'ElastiCache in transit', path: TF, code: 'resource "aws_elasticache_replication_group" "r" {\n  transit_encryption_enabled = true\n}\n' },
    { name: 'Cloud SQL with require_ssl (older setting)', path: TF, code: 'resource "google_sql_database_instance" "db" {\n  settings {\n    ip_configuration {\n      require_ssl = true\n    }\n  }\n}\n' },
    { name: 'Cloud SQL private only', path: TF, code: 'resource "google_sql_database_instance" "db" {\n  settings {\n    ip_configuration {\n      ipv4_enabled = false\n    }\n  }\n}\n' },
  ],
  invalid: [
    { name: 'HTTP listener that forwards', path: TF, code: http('    type = "forward"\n    target_group_arn = aws_lb_target_group.t.arn\n'), errors: [{ line: 3, column: 14, endColumn: 20 }], output: null },
    { name: 'CloudFront allow-all', path: TF, code: 'resource "aws_cloudfront_distribution" "d" {\n  default_cache_behavior {\n    viewer_protocol_policy = "allow-all"\n  }\n}\n', errors: [{ line: 3, column: 30 }], output: 'resource "aws_cloudfront_distribution" "d" {\n  default_cache_behavior {\n    viewer_protocol_policy = "redirect-to-https"\n  }\n}\n', fixSafety: 'unsafe' },
    { name: 'App Service without https_only (low)', path: TF, code: app(''), errors: [{ line: 1, column: 10 }], output: app('  https_only = true\n') },
    { name: 'ElastiCache without transit encryption (low), CRLF', path: TF, code: 'resource "aws_elasticache_replication_group" "r" {\r\n  engine = "redis"\r\n}\r\n', errors: [{ line: 1, column: 10 }], output: 'resource "aws_elasticache_replication_group" "r" {\r\n  engine = "redis"\r\n  transit_encryption_enabled = true\r\n}\r\n' },
    { name: 'storage account HTTP allowed', path: TF, code: 'resource "azurerm_storage_account" "s" {\n  https_traffic_only_enabled = false\n}\n', errors: [{ line: 2, column: 32 }] },
    { name: 'Redis non-TLS port', path: TF, code: 'resource "azurerm_redis_cache" "r" {\n  non_ssl_port_enabled = true\n}\n', errors: [{ line: 2, column: 26 }] },
    { name: 'Cloud SQL require_ssl false', path: TF, code: 'resource "google_sql_database_instance" "db" {\n  settings {\n    ip_configuration {\n      require_ssl = false\n    }\n  }\n}\n', errors: [{ line: 4, column: 21 }] },
    { name: 'Cloud SQL without ssl_mode (low)', path: TF, code: 'resource "google_sql_database_instance" "db" {\n  settings {\n    tier = "db-f1-micro"\n  }\n}\n', errors: [{ line: 2, column: 3 }], output: 'resource "google_sql_database_instance" "db" {\n  settings {\n    tier = "db-f1-micro"\n    ip_configuration {\n      ssl_mode = "ENCRYPTED_ONLY"\n    }\n  }\n}\n' },
    { name: 'MSK plaintext', path: TF, code: 'resource "aws_msk_cluster" "k" {\n  encryption_info {\n    encryption_in_transit {\n      client_broker = "TLS_PLAINTEXT"\n    }\n  }\n}\n', errors: [{ line: 4, column: 23 }] },
  ],
});

fixRoundTrip(rule, [
  { name: 'App Service', path: TF, code: app('') },
  { name: 'Cloud SQL', path: TF, code: 'resource "google_sql_database_instance" "db" {\n  settings {\n    tier = "db-f1-micro"\n  }\n}\n' },
]);
