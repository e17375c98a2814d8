// Table tests for storage-encryption-disabled.

import rule from '../../server/src/rules/hardening/storage-encryption-disabled.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/storage.tf';

ruleTester(rule, {
  valid: [
    { name: 'true', path: TF, code: 'resource "aws_ebs_volume" "v" {\n  encrypted = true\n}\n' },
    { name: 'from a dynamic block value', path: TF, code: 'resource "aws_instance" "i" {\n  dynamic "root_block_device" {\n    for_each = var.r\n    content {\n      encrypted = root_block_device.value.encrypted\n    }\n  }\n}\n' },
    { name: 'variable default is not a resource', path: TF, code: 'variable "encrypted" {\n  default = false\n}\n' },
  ],
  invalid: [
    { name: 'RDS storage_encrypted', path: TF, code: 'resource "aws_db_instance" "db" {\n  storage_encrypted = false\n}\n', errors: [{ line: 2, column: 23, endColumn: 28 }], output: null },
    { name: 'nested root_block_device', path: TF, code: 'resource "aws_instance" "i" {\n  root_block_device {\n    encrypted = false\n  }\n}\n', errors: [{ line: 3, column: 17 }] },
  ],
});
