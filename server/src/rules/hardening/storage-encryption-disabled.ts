// Storage with encryption at rest explicitly turned off: `encrypted = false`, `storage_encrypted = false`.

import { literalAttributes } from '../../models/terraform-checks.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'storage-encryption-disabled',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'Encryption at rest is explicitly disabled (`encrypted = false`, `storage_encrypted = false`)',
  cwe: [311],
  fix: 'none',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    for (const block of tf.blocksOfType('resource')) {
      const name = `${block.labels[0]?.value ?? '?'} '${block.labels[1]?.value ?? '?'}'`;
      for (const key of ['encrypted', 'storage_encrypted']) {
        for (const attr of literalAttributes(block, key, false, true)) {
          ctx.report({
            range: attr.value.range,
            message: `${name} sets ${key} = false: its data, snapshots and backups are stored unencrypted, readable by anyone who gets the disk, a snapshot shared by mistake, or the backup. Set ${key} = true (with a KMS key you control); the change replaces the resource, so migrate the data.`,
          });
        }
      }
    }
  },
});
