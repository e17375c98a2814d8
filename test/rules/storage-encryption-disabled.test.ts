// Table tests for storage-encryption-disabled.

import rule from '../../server/src/rules/hardening/storage-encryption-disabled.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/storage.tf';

ruleTester(rule, {
  valid: [
    { name: 'true', path: TF, code: 'resource "aws_ebs_volume" "v" {\n  encrypted = true\n}\n' },
    { name: 'from a dynamic block value', path: TF, code: 'resource "aws_instance" "i" {\n  dynamic "root_block_device" {\n    for_each = var.r\n    content {\n      encrypted = root_block_device.value.encrypted\n    }\n  }\n}\n' },
    { name: 'variable default is not a resource', path: TF, code: 'variable "encrypted" {\n  default = false\n}\n' },
    { name: 'EBS volume from an encrypted snapshot', path: TF, code: 'resource "aws_ebs_volume" "v" {\n  snapshot_id = "snap-1"\n}\n' },
    { name: 'RDS read replica inherits', path: TF, code: 'resource "aws_db_instance" "r" {\n  replicate_source_db = aws_db_instance.main.identifier\n}\n' },
    { name: 'Aurora Serverless v1 is always encrypted', path: TF, code: 'resource "aws_rds_cluster" "c" {\n  engine_mode = "serverless"\n}\n' },
    { name: 'SQS with a KMS key', path: TF, code: 'resource "aws_sqs_queue" "q" {\n  kms_master_key_id = "alias/aws/sqs"\n  sqs_managed_sse_enabled = false\n}\n' },
    { name: 'SQS default is encrypted', path: TF, code: 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n' },
    { name: 'SNS with a key', path: TF, code: 'resource "aws_sns_topic" "t" {\n  kms_master_key_id = aws_kms_key.k.id\n}\n' },
    { name: 'ElastiCache Valkey is encrypted by default', path: TF, code: 'resource "aws_elasticache_replication_group" "g" {\n  engine = "valkey"\n}\n' },
    { name: 'unknown value', path: TF, code: 'resource "aws_efs_file_system" "f" {\n  encrypted = var.encrypted\n}\n' },
    { name: 'half-typed block: missing attributes are not reported yet', path: TF, code: 'resource "aws_ebs_volume" "v" {\n  size = 10\n' },
  ],
  invalid: [
    { name: 'RDS storage_encrypted', path: TF, code: 'resource "aws_db_instance" "db" {\n  storage_encrypted = false\n}\n', errors: [{ line: 2, column: 23, endColumn: 28 }], output: 'resource "aws_db_instance" "db" {\n  storage_encrypted = true\n}\n', fixSafety: 'unsafe' },
    {
      name: 'EBS volume without encrypted: low, fix adds it',
      path: TF,
      code: 'resource "aws_ebs_volume" "v" {\n  size = 10\n}\n',
      errors: [{ line: 1, column: 10, endColumn: 26, messageIncludes: 'provider default is false' }],
      output: 'resource "aws_ebs_volume" "v" {\n  size = 10\n  encrypted = true\n}\n',
    },
    {
      name: 'default from a variable in variables.tf',
      path: TF,
      code: 'resource "aws_db_instance" "db" {\n  storage_encrypted = var.encrypted\n}\n',
      module: { files: [{ name: 'variables.tf', text: 'variable "encrypted" {\n  default = false\n}\n' }] },
      errors: [{ line: 2, column: 23, endColumn: 36, messageIncludes: 'var.encrypted, default in variables.tf:2' }],
      output: null,
    },
    {
      name: 'null default means the provider default',
      path: TF,
      code: 'resource "aws_efs_file_system" "f" {\n  encrypted = var.encrypted\n}\nvariable "encrypted" {\n  default = null\n}\n',
      errors: [{ line: 2, column: 15, messageIncludes: 'provider default false applies' }],
    },
    { name: 'EBS encryption by default off', path: TF, code: 'resource "aws_ebs_encryption_by_default" "d" {\n  enabled = false\n}\n', errors: [{ line: 2, column: 13 }] },
    { name: 'OpenSearch at-rest encryption off, CRLF', path: TF, code: 'resource "aws_opensearch_domain" "d" {\r\n  encrypt_at_rest {\r\n    enabled = false\r\n  }\r\n}\r\n', errors: [{ line: 3, column: 15 }], output: 'resource "aws_opensearch_domain" "d" {\r\n  encrypt_at_rest {\r\n    enabled = true\r\n  }\r\n}\r\n' },
    { name: 'SQS managed encryption off without a key', path: TF, code: 'resource "aws_sqs_queue" "q" {\n  sqs_managed_sse_enabled = false\n}\n', errors: [{ line: 2, column: 29 }] },
    { name: 'SNS topic without a key', path: TF, code: 'resource "aws_sns_topic" "t" {\n  name = "t"\n}\n', errors: [{ line: 1, column: 10 }], output: 'resource "aws_sns_topic" "t" {\n  name = "t"\n  kms_master_key_id = "alias/aws/sns"\n}\n' },
    { name: 'launch template block device', path: TF, code: 'resource "aws_launch_template" "t" {\n  block_device_mappings {\n    ebs {\n      encrypted = "false"\n    }\n  }\n}\n', errors: [{ line: 4, column: 19 }] },
    { name: 'other resources: literal false anywhere', path: TF, code: 'resource "aws_ami" "a" {\n  ebs_block_device {\n    encrypted = false\n  }\n}\n', errors: [{ line: 3, column: 17 }] },
    { name: 'nested root_block_device', path: TF, code: 'resource "aws_instance" "i" {\n  root_block_device {\n    encrypted = false\n  }\n}\n', errors: [{ line: 3, column: 17 }] },
  ],
});

fixRoundTrip(rule, [
  { name: 'missing attributes added', path: TF, code: 'resource "aws_ebs_volume" "v" {\n  size = 10\n}\n\nresource "aws_rds_cluster" "c" {\n  engine = "aurora-postgresql"\n}\n' },
  { name: 'explicit false', path: TF, code: 'resource "aws_efs_file_system" "f" {\n  encrypted = false\n}\n' },
]);
