// Table tests for gcp-basic-role.

import rule from '../../server/src/rules/permissions/gcp-basic-role.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/gcp.tf';

ruleTester(rule, {
  valid: [
    { name: 'predefined role', path: TF, code: 'resource "google_project_iam_member" "m" {\n  role = "roles/storage.admin"\n}\n' },
    { name: 'variable', path: TF, code: 'resource "google_project_iam_member" "m" {\n  role = var.role\n}\n' },
    { name: 'bucket-level resource is not project-wide', path: TF, code: 'resource "google_storage_bucket_iam_member" "m" {\n  role = "roles/editor"\n}\n' },
  ],
  invalid: [
    { name: 'editor', path: TF, code: 'resource "google_project_iam_member" "m" {\n  role = "roles/editor"\n}\n', errors: [{ line: 2, column: 10, endColumn: 24 }], output: null },
    { name: 'owner in a policy', path: TF, code: 'data "google_iam_policy" "p" {\n  binding {\n    role = "roles/owner"\n    members = ["user:a@example.com"]\n  }\n}\n', errors: [{ line: 3, column: 12 }] },
  ],
});
