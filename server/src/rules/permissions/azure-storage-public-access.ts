// Azure storage that allows anonymous blob access or opens the public endpoint explicitly: account settings, network
// rules that allow by default, and containers with a public access level.

import { oneOf, reportSettings, type SettingCheck } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

const AZURERM = 'hashicorp/azurerm 3.x–4.x';

const CHECKS: readonly SettingCheck[] = [
  {
    resources: ['azurerm_storage_account'],
    path: ['allow_nested_items_to_be_public'],
    insecure: oneOf(true, 'true'),
    secure: 'false',
    problem: 'containers and blobs can be made readable by anyone without credentials',
    remedy: 'Set it to false and share through SAS tokens, Entra ID or a CDN',
    missing: { defaultsTo: 'true', provider: AZURERM },
  },
  {
    resources: ['azurerm_storage_account'],
    path: ['allow_blob_public_access'],
    insecure: oneOf(true, 'true'),
    secure: 'false',
    problem: 'containers and blobs can be made readable by anyone without credentials',
    remedy: 'Set it to false (azurerm 3.x calls it allow_nested_items_to_be_public)',
  },
  {
    resources: ['azurerm_storage_account'],
    path: ['public_network_access_enabled'],
    insecure: oneOf(true, 'true'),
    secure: 'false',
    problem: 'the account accepts connections from any network, so a leaked key or SAS token works from anywhere',
    remedy: 'Set it to false and use private endpoints or firewall rules for access',
  },
  {
    resources: ['azurerm_storage_account'],
    path: ['network_rules', 'default_action'],
    insecure: oneOf('Allow'),
    secure: '"Deny"',
    problem: 'the firewall admits every network not listed, so a leaked key or SAS token works from anywhere',
    remedy: 'Set default_action = "Deny" and list the networks and services that need access',
  },
  {
    resources: ['azurerm_storage_account_network_rules'],
    path: ['default_action'],
    insecure: oneOf('Allow'),
    secure: '"Deny"',
    problem: 'the firewall admits every network not listed, so a leaked key or SAS token works from anywhere',
    remedy: 'Set default_action = "Deny" and list the networks and services that need access',
  },
  {
    resources: ['azurerm_storage_container'],
    path: ['container_access_type'],
    insecure: oneOf('blob', 'container'),
    secure: '"private"',
    problem: 'anyone on the internet can read its blobs (and with "container", list them) without credentials',
    remedy: 'Use "private" and share through SAS tokens, Entra ID or a CDN',
  },
];

export default defineRule({
  id: 'azure-storage-public-access',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'Azure storage allows anonymous blob access (account or container) or public network access',
  cwe: [284],
  fix: 'unsafe',
  check(ctx) {
    reportSettings(ctx, CHECKS);
  },
});
