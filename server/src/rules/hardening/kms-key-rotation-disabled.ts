// Customer-managed encryption keys that are never rotated: AWS KMS keys with `enable_key_rotation` false or left out
// (it defaults to false), Cloud KMS keys without a rotation period.

import type { HclBlock, TerraformFile } from '../../models/terraform.js';
import { oneOf, reportSettings, valueOf, type SettingCheck } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

/** Only symmetric encryption keys can rotate automatically (not asymmetric, HMAC, or keys in custom key stores). */
function rotatable(r: HclBlock, tf: TerraformFile): boolean {
  const spec = valueOf(tf, r, 'customer_master_key_spec') ?? valueOf(tf, r, 'key_spec');
  const usage = valueOf(tf, r, 'key_usage');
  if (spec !== undefined && spec !== 'SYMMETRIC_DEFAULT') return false;
  if (usage !== undefined && usage !== 'ENCRYPT_DECRYPT') return false;
  return valueOf(tf, r, 'custom_key_store_id') === undefined && valueOf(tf, r, 'origin') !== 'EXTERNAL';
}

/** Cloud KMS rotates only symmetric encryption keys (purpose ENCRYPT_DECRYPT, the default). */
function gcpRotatable(r: HclBlock, tf: TerraformFile): boolean {
  const purpose = valueOf(tf, r, 'purpose');
  return purpose === undefined || purpose === 'ENCRYPT_DECRYPT';
}

const PROBLEM = 'the same key material protects all data for the key\'s whole life, so a key exposed once decrypts everything, past and future';

const CHECKS: readonly SettingCheck[] = [
  {
    resources: ['aws_kms_key'],
    path: ['enable_key_rotation'],
    insecure: oneOf(false, 'false'),
    secure: 'true',
    problem: PROBLEM,
    remedy: 'Set enable_key_rotation = true (yearly by default, rotation_period_in_days to change it); old material stays for decryption',
    when: rotatable,
    missing: { defaultsTo: 'false', provider: 'hashicorp/aws 3.x–6.x' },
  },
  {
    resources: ['google_kms_crypto_key'],
    path: ['rotation_period'],
    insecure: () => false,
    secure: '"7776000s"',
    problem: PROBLEM,
    remedy: 'Set rotation_period (e.g. "7776000s", 90 days)',
    when: gcpRotatable,
    missing: { defaultsTo: 'no rotation', provider: 'hashicorp/google 4.x–6.x' },
  },
];

export default defineRule({
  id: 'kms-key-rotation-disabled',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'A customer-managed KMS key is never rotated (rotation off, or left at that default: low)',
  cwe: [320],
  fix: 'unsafe',
  check(ctx) {
    reportSettings(ctx, CHECKS);
  },
});
