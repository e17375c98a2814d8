// User-managed GCP service account keys created by Terraform: long-lived credentials that never expire by default,
// and whose private key lands in the Terraform state unless you upload your own public key.

import { attribute } from '../../models/terraform.js';
import { resourceName } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'gcp-service-account-key',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'Terraform creates a user-managed GCP service account key',
  cwe: [522],
  fix: 'none',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    for (const r of tf.blocksOfType('resource', 'google_service_account_key')) {
      const uploaded = attribute(r.body, 'public_key_data') !== undefined;
      ctx.report({
        range: r.labels[0]!.range,
        message: uploaded
          ? `${resourceName(r)} registers a user-managed key: it stays valid until someone deletes it, and whoever copies the private key can act as the service account from anywhere. Prefer Workload Identity (Federation) or attached service accounts; if a key is unavoidable, rotate it and set an expiry policy.`
          : `${resourceName(r)} creates a user-managed key whose private key is stored in the Terraform state (private_key): anyone who can read the state can act as the service account from anywhere, until the key is deleted. Use Workload Identity (Federation) or attached service accounts instead.`,
        ...(uploaded ? { severity: 'low' as const } : {}),
      });
    }
  },
});
