// Table tests for vpc-flow-logs-missing.

import rule from '../../server/src/rules/hardening/vpc-flow-logs-missing.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/network.tf';
const vpc = 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n';
const log = (to: string): string => `resource "aws_flow_log" "f" {\n  vpc_id          = ${to}\n  traffic_type    = "ALL"\n  log_destination = aws_s3_bucket.logs.arn\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'flow log in the same file', path: TF, code: vpc + log('aws_vpc.main.id') },
    { name: 'flow log in another file of the module', path: TF, code: vpc, module: { files: [{ name: 'logging.tf', text: log('aws_vpc.main.id') }] } },
    { name: 'flow log for a VPC we cannot name (module output)', path: TF, code: vpc + log('module.net.vpc_id') },
    { name: 'GCP subnet with log_config', path: TF, code: 'resource "google_compute_subnetwork" "s" {\n  log_config {\n    aggregation_interval = "INTERVAL_10_MIN"\n  }\n}\n' },
    { name: 'GCP proxy-only subnet', path: TF, code: 'resource "google_compute_subnetwork" "s" {\n  purpose = "REGIONAL_MANAGED_PROXY"\n}\n' },
  ],
  invalid: [
    { name: 'no flow log', path: TF, code: vpc, errors: [{ line: 1, column: 10, endColumn: 19 }], output: null },
    { name: 'flow log for another VPC', path: TF, code: vpc + log('aws_vpc.other.id'), errors: [{ line: 1, column: 10 }] },
    { name: 'GCP subnet, CRLF', path: TF, code: 'resource "google_compute_subnetwork" "s" {\r\n  name = "s"\r\n}\r\n', errors: [{ line: 1, column: 10 }], output: 'resource "google_compute_subnetwork" "s" {\r\n  name = "s"\r\n  log_config {\r\n    aggregation_interval = "INTERVAL_5_SEC"\r\n  }\r\n}\r\n', fixSafety: 'unsafe' },
  ],
});

fixRoundTrip(rule, [{ name: 'GCP subnet', path: TF, code: 'resource "google_compute_subnetwork" "s" {\n  name = "s"\n}\n' }]);
