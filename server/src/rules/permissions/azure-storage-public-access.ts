// Azure storage accounts that allow anonymous blob access or open the public network endpoint explicitly.

import { literalAttributes, replaceValue, resources } from '../../models/terraform-checks.js';
import { defineRule } from '../define.js';

const SETTINGS: readonly [string, string][] = [
  ['allow_nested_items_to_be_public', 'containers and blobs can be made readable by anyone without credentials'],
  ['allow_blob_public_access', 'containers and blobs can be made readable by anyone without credentials'],
  ['public_network_access_enabled', 'the account accepts connections from any network, so a leaked key or SAS token works from anywhere'],
];

export default defineRule({
  id: 'azure-storage-public-access',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'An Azure storage account allows public blob access or public network access',
  cwe: [284],
  fix: 'unsafe',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    for (const r of resources(tf, new Set(['azurerm_storage_account']))) {
      for (const [key, why] of SETTINGS) {
        for (const attr of literalAttributes(r.block, key, true)) {
          const edit = replaceValue(attr, false);
          ctx.report({
            range: attr.value.range,
            message: `azurerm_storage_account '${r.name}' sets ${key} = true: ${why}. Set it to false and use private endpoints or firewall rules for access.`,
            fixes: edit ? [{ title: `Set ${key} = false`, safety: 'unsafe', edits: [edit] }] : [],
          });
        }
      }
    }
  },
});
