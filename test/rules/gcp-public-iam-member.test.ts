// Table tests for gcp-public-iam-member.

import rule from '../../server/src/rules/permissions/gcp-public-iam-member.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/gcp.tf';

ruleTester(rule, {
  valid: [
    { name: 'a group', path: TF, code: 'resource "google_storage_bucket_iam_member" "m" {\n  member = "group:devs@example.com"\n}\n' },
    { name: 'variable', path: TF, code: 'resource "google_storage_bucket_iam_member" "m" {\n  member = var.member\n}\n' },
    { name: 'ACL for a project role', path: TF, code: 'resource "google_storage_bucket_acl" "a" {\n  role_entity = ["OWNER:project-owners-1", "READER:group-devs@example.com"]\n}\n' },
    { name: 'BigQuery dataset for a group', path: TF, code: 'resource "google_bigquery_dataset" "d" {\n  access {\n    role = "READER"\n    group_by_email = "devs@example.com"\n  }\n}\n' },
  ],
  invalid: [
    { name: 'allUsers member', path: TF, code: 'resource "google_storage_bucket_iam_member" "m" {\n  member = "allUsers"\n}\n', errors: [{ line: 2, column: 12, endColumn: 22 }], output: null },
    { name: 'binding members', path: TF, code: 'resource "google_cloud_run_service_iam_binding" "b" {\n  members = ["user:a@example.com", "allAuthenticatedUsers"]\n}\n', errors: [{ line: 2, column: 36 }] },
    { name: 'member from a variable default', path: TF, code: 'resource "google_storage_bucket_iam_member" "m" {\n  member = var.member\n}\nvariable "member" {\n  default = "allUsers"\n}\n', errors: [{ line: 2, column: 12, endColumn: 22, messageIncludes: 'var.member, default at line 5' }] },
    { name: 'bucket ACL entry', path: TF, code: 'resource "google_storage_bucket_acl" "a" {\n  role_entity = ["READER:allUsers"]\n}\n', errors: [{ line: 2, column: 18 }] },
    { name: 'object access control', path: TF, code: 'resource "google_storage_object_access_control" "o" {\n  entity = "allAuthenticatedUsers"\n}\n', errors: [{ line: 2, column: 12 }] },
    { name: 'BigQuery special group', path: TF, code: 'resource "google_bigquery_dataset" "d" {\n  access {\n    role = "READER"\n    special_group = "allAuthenticatedUsers"\n  }\n}\n', errors: [{ line: 4, column: 21 }] },
    { name: 'policy data source', path: TF, code: 'data "google_iam_policy" "p" {\n  binding {\n    role    = "roles/viewer"\n    members = ["allUsers"]\n  }\n}\n', errors: [{ line: 4, column: 16 }] },
  ],
});
