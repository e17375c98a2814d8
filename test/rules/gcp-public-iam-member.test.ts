// Table tests for gcp-public-iam-member.

import rule from '../../server/src/rules/permissions/gcp-public-iam-member.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/gcp.tf';

ruleTester(rule, {
  valid: [
    { name: 'a group', path: TF, code: 'resource "google_storage_bucket_iam_member" "m" {\n  member = "group:devs@example.com"\n}\n' },
    { name: 'variable', path: TF, code: 'resource "google_storage_bucket_iam_member" "m" {\n  member = var.member\n}\n' },
  ],
  invalid: [
    { name: 'allUsers member', path: TF, code: 'resource "google_storage_bucket_iam_member" "m" {\n  member = "allUsers"\n}\n', errors: [{ line: 2, column: 12, endColumn: 22 }], output: null },
    { name: 'binding members', path: TF, code: 'resource "google_cloud_run_service_iam_binding" "b" {\n  members = ["user:a@example.com", "allAuthenticatedUsers"]\n}\n', errors: [{ line: 2, column: 36 }] },
    { name: 'policy data source', path: TF, code: 'data "google_iam_policy" "p" {\n  binding {\n    role    = "roles/viewer"\n    members = ["allUsers"]\n  }\n}\n', errors: [{ line: 4, column: 16 }] },
  ],
});
