// Table tests for cluster-legacy-auth.

import rule from '../../server/src/rules/permissions/cluster-legacy-auth.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/k8s.tf';
const gke = (body: string): string => `resource "google_container_cluster" "g" {\n  name = "g"\n${body}}\n`;

ruleTester(rule, {
  valid: [
    { name: 'defaults', path: TF, code: gke('') },
    { name: 'ABAC off', path: TF, code: gke('  enable_legacy_abac = false\n') },
    { name: 'basic auth explicitly off (empty username)', path: TF, code: gke('  master_auth {\n    username = ""\n    password = ""\n    client_certificate_config {\n      issue_client_certificate = false\n    }\n  }\n') },
    { name: 'AKS RBAC on', path: TF, code: 'resource "azurerm_kubernetes_cluster" "a" {\n  role_based_access_control_enabled = true\n}\n' },
  ],
  invalid: [
    { name: 'legacy ABAC', path: TF, code: gke('  enable_legacy_abac = true\n'), errors: [{ line: 3, column: 24, endColumn: 28 }], output: gke('  enable_legacy_abac = false\n'), fixSafety: 'unsafe' },
    { name: 'client certificate', path: TF, code: gke('  master_auth {\n    client_certificate_config {\n      issue_client_certificate = true\n    }\n  }\n'), errors: [{ line: 5, column: 34 }] },
    { name: 'basic auth', path: TF, code: gke('  master_auth {\n    username = "admin"\n    password = var.password\n  }\n'), errors: [{ line: 4, column: 5, endColumn: 13 }], output: null },
    { name: 'AKS RBAC off, CRLF', path: TF, code: 'resource "azurerm_kubernetes_cluster" "a" {\r\n  role_based_access_control_enabled = false\r\n}\r\n', errors: [{ line: 2, column: 39 }] },
  ],
});

fixRoundTrip(rule, [{ name: 'ABAC', path: TF, code: gke('  enable_legacy_abac = true\n') }]);
