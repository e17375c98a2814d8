// Table tests for azure-storage-min-tls.

import rule from '../../server/src/rules/hardening/azure-storage-min-tls.js';
import { fixRoundTrip } from '../helpers/fix-round-trip.js';
import { ruleTester } from '../helpers/rule-tester.js';

const TF = 'infra/azure.tf';
const sa = (v: string): string => `resource "azurerm_storage_account" "s" {\n  min_tls_version = ${v}\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'TLS1_2', path: TF, code: sa('"TLS1_2"') },
    { name: 'variable', path: TF, code: sa('var.tls') },
  ],
  invalid: [
    { name: 'TLS1_0', path: TF, code: sa('"TLS1_0"'), errors: [{ line: 2, column: 21, endColumn: 29 }], output: sa('"TLS1_2"'), fixSafety: 'unsafe' },
    { name: 'TLS1_1', path: TF, code: sa('"TLS1_1"'), errors: [{ line: 2, column: 21 }], output: sa('"TLS1_2"') },
  ],
});

fixRoundTrip(rule, [{ name: 'TLS1_0', path: TF, code: sa('"TLS1_0"') }]);
