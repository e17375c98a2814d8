// Table tests for kms-key-rotation-disabled.

import rule from '../../server/src/rules/hardening/kms-key-rotation-disabled.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/kms.tf';

ruleTester(rule, {
  valid: [
    { name: 'rotation on', path: TF, code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n' },
    { name: 'asymmetric key cannot rotate', path: TF, code: 'resource "aws_kms_key" "k" {\n  customer_master_key_spec = "RSA_2048"\n  key_usage = "SIGN_VERIFY"\n}\n' },
    { name: 'HMAC key', path: TF, code: 'resource "aws_kms_key" "k" {\n  key_usage = "GENERATE_VERIFY_MAC"\n  customer_master_key_spec = "HMAC_256"\n}\n' },
    { name: 'imported key material', path: TF, code: 'resource "aws_kms_external_key" "k" {\n  description = "x"\n}\n' },
    { name: 'Cloud KMS with rotation', path: TF, code: 'resource "google_kms_crypto_key" "k" {\n  rotation_period = "7776000s"\n}\n' },
    { name: 'Cloud KMS signing key', path: TF, code: 'resource "google_kms_crypto_key" "k" {\n  purpose = "ASYMMETRIC_SIGN"\n}\n' },
  ],
  invalid: [
    { name: 'rotation off', path: TF, code: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = false\n}\n', errors: [{ line: 2, column: 25, endColumn: 30 }], output: 'resource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n', fixSafety: 'unsafe' },
    { name: 'left at the default (low), CRLF', path: TF, code: 'resource "aws_kms_key" "k" {\r\n  description = "app"\r\n}\r\n', errors: [{ line: 1, column: 10, messageIncludes: 'provider default is false' }], output: 'resource "aws_kms_key" "k" {\r\n  description = "app"\r\n  enable_key_rotation = true\r\n}\r\n' },
    { name: 'Cloud KMS without a rotation period', path: TF, code: 'resource "google_kms_crypto_key" "k" {\n  key_ring = google_kms_key_ring.r.id\n}\n', errors: [{ line: 1, column: 10 }], output: 'resource "google_kms_crypto_key" "k" {\n  key_ring = google_kms_key_ring.r.id\n  rotation_period = "7776000s"\n}\n' },
  ],
});

fixRoundTrip(rule, [{ name: 'both clouds', path: TF, code: 'resource "aws_kms_key" "k" {}\n\nresource "google_kms_crypto_key" "g" {\n  name = "g"\n}\n' }]);
