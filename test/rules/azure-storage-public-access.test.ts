// Table tests for azure-storage-public-access.

import rule from '../../server/src/rules/permissions/azure-storage-public-access.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/azure.tf';
const sa = (body: string): string => `resource "azurerm_storage_account" "s" {\n  name = "s"\n${body}}\n`;

ruleTester(rule, {
  valid: [
    { name: 'false', path: TF, code: sa('  allow_nested_items_to_be_public = false\n  public_network_access_enabled = false\n') },
    { name: 'variable', path: TF, code: sa('  allow_nested_items_to_be_public = var.public\n') },
    { name: 'container private', path: TF, code: 'resource "azurerm_storage_container" "c" {\n  container_access_type = "private"\n}\n' },
    { name: 'network rules deny', path: TF, code: sa('  allow_nested_items_to_be_public = false\n  network_rules {\n    default_action = "Deny"\n  }\n') },
  ],
  invalid: [
    { name: 'nested items public', path: TF, code: sa('  allow_nested_items_to_be_public = true\n'), errors: [{ line: 3, column: 37, endColumn: 41 }], output: sa('  allow_nested_items_to_be_public = false\n'), fixSafety: 'unsafe' },
    { name: 'public network access, CRLF', path: TF, code: sa('  allow_nested_items_to_be_public = false\n  public_network_access_enabled = true\n').replace(/\n/g, '\r\n'), errors: [{ line: 4, column: 35 }] },
    { name: 'nested items setting left out (defaults to true): low', path: TF, code: sa(''), errors: [{ line: 1, column: 10, messageIncludes: 'provider default is true' }], output: sa('  allow_nested_items_to_be_public = false\n') },
    { name: 'public container', path: TF, code: 'resource "azurerm_storage_container" "c" {\n  container_access_type = "blob"\n}\n', errors: [{ line: 2, column: 27 }], output: 'resource "azurerm_storage_container" "c" {\n  container_access_type = "private"\n}\n' },
    { name: 'network rules allow by default', path: TF, code: sa('  allow_nested_items_to_be_public = false\n  network_rules {\n    default_action = "Allow"\n  }\n'), errors: [{ line: 5, column: 22 }] },
  ],
});

fixRoundTrip(rule, [{ name: 'both', path: TF, code: sa('  allow_blob_public_access = true\n  public_network_access_enabled = true\n') }]);
