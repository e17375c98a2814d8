// S3 public access block settings turned off (`block_public_acls = false`, …), on a bucket or the whole account.

import { literalAttributes, replaceValue, resources } from '../../models/terraform-checks.js';
import { defineRule } from '../define.js';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

export default defineRule({
  id: 's3-public-access-block-disabled',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'An S3 public access block setting is set to false',
  cwe: [284],
  fix: 'unsafe',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    for (const r of resources(tf, new Set(['aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block']))) {
      for (const flag of FLAGS) {
        for (const attr of literalAttributes(r.block, flag, false)) {
          const edit = replaceValue(attr, true);
          ctx.report({
            range: attr.value.range,
            message: `${r.type} '${r.name}' sets ${flag} = false: the guard that stops a public ACL or bucket policy from exposing data is off, so one mistaken ACL or policy makes objects public. Set it to true unless the bucket is meant to be public (a static website behind no CDN).`,
            fixes: edit ? [{ title: `Set ${flag} = true`, safety: 'unsafe', edits: [edit] }] : [],
          });
        }
      }
    }
  },
});
