// Table tests for gcp-service-account-key.

import rule from '../../server/src/rules/permissions/gcp-service-account-key.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/gcp.tf';

ruleTester(rule, {
  valid: [
    { name: 'a service account alone', path: TF, code: 'resource "google_service_account" "sa" {\n  account_id = "ci"\n}\n' },
    { name: 'workload identity pool', path: TF, code: 'resource "google_iam_workload_identity_pool" "p" {\n  workload_identity_pool_id = "ci"\n}\n' },
  ],
  invalid: [
    { name: 'key created by Terraform', path: TF, code: 'resource "google_service_account_key" "k" {\n  service_account_id = google_service_account.sa.name\n}\n', errors: [{ line: 1, column: 10, endColumn: 38, messageIncludes: 'Terraform state' }], output: null },
    { name: 'uploaded public key (low)', path: TF, code: 'resource "google_service_account_key" "k" {\n  service_account_id = google_service_account.sa.name\n  public_key_data = filebase64("key.pem")\n}\n', errors: [{ line: 1, column: 10 }] },
  ],
});
