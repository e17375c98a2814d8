// Azure storage accounts that accept TLS 1.0 or 1.1 (`min_tls_version` below TLS1_2).

import { oneOf, reportSettings, type SettingCheck } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

const CHECKS: readonly SettingCheck[] = [
  {
    resources: ['azurerm_storage_account'],
    path: ['min_tls_version'],
    insecure: oneOf('TLS1_0', 'TLS1_1'),
    secure: '"TLS1_2"',
    problem: 'clients may connect with a TLS version that has known weaknesses and is deprecated',
    remedy: 'Set "TLS1_2"',
  },
];

export default defineRule({
  id: 'azure-storage-min-tls',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'An Azure storage account accepts TLS versions below 1.2',
  cwe: [326, 327],
  fix: 'unsafe',
  check(ctx) {
    reportSettings(ctx, CHECKS);
  },
});
