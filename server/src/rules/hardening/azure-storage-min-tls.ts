// Azure storage accounts that accept TLS 1.0 or 1.1 (`min_tls_version` below TLS1_2).

import { literalAttributes, replaceValue, resources } from '../../models/terraform-checks.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'azure-storage-min-tls',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'An Azure storage account accepts TLS versions below 1.2',
  cwe: [326, 327],
  fix: 'unsafe',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    for (const r of resources(tf, new Set(['azurerm_storage_account']))) {
      for (const old of ['TLS1_0', 'TLS1_1']) {
        for (const attr of literalAttributes(r.block, 'min_tls_version', old)) {
          const edit = replaceValue(attr, 'TLS1_2');
          ctx.report({
            range: attr.value.range,
            message: `azurerm_storage_account '${r.name}' sets min_tls_version = "${old}": clients may connect with a TLS version that has known weaknesses and is deprecated. Set "TLS1_2".`,
            fixes: edit ? [{ title: 'Set min_tls_version = "TLS1_2"', safety: 'unsafe', edits: [edit] }] : [],
          });
        }
      }
    }
  },
});
