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
    { name: 'not set', path: TF, code: sa('') },
  ],
  invalid: [
    { name: 'nested items public', path: TF, code: sa('  allow_nested_items_to_be_public = true\n'), errors: [{ line: 3, column: 37, endColumn: 41 }], output: sa('  allow_nested_items_to_be_public = false\n'), fixSafety: 'unsafe' },
    { name: 'public network access, CRLF', path: TF, code: sa('  public_network_access_enabled = true\n').replace(/\n/g, '\r\n'), errors: [{ line: 3, column: 35 }] },
  ],
});

fixRoundTrip(rule, [{ name: 'both', path: TF, code: sa('  allow_blob_public_access = true\n  public_network_access_enabled = true\n') }]);
