// S3 public access block settings off (`block_public_acls = false`, …) or left out (each defaults to false), on a
// bucket or on the whole account.

import { oneOf, reportSettings, type SettingCheck } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

const FLAGS: readonly [string, string][] = [
  ['block_public_acls', 'new public ACLs are accepted'],
  ['block_public_policy', 'a bucket policy that grants public access is accepted'],
  ['ignore_public_acls', 'public ACLs already on the bucket and its objects take effect'],
  ['restrict_public_buckets', 'a public bucket policy lets anyone in, across accounts'],
];

const CHECKS: readonly SettingCheck[] = FLAGS.map(([flag, what]) => ({
  resources: ['aws_s3_bucket_public_access_block', 'aws_s3_account_public_access_block'],
  path: [flag],
  insecure: oneOf(false, 'false'),
  secure: 'true',
  problem: `the guard is off: ${what}, so one mistaken ACL or policy makes objects public`,
  remedy: 'Set it to true unless the bucket is meant to be public (a static website behind no CDN)',
  missing: { defaultsTo: 'false', provider: 'hashicorp/aws 3.x–6.x' },
}));

export default defineRule({
  id: 's3-public-access-block-disabled',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'An S3 public access block setting is false, or left out of the block (it defaults to false)',
  cwe: [284],
  fix: 'unsafe',
  check(ctx) {
    reportSettings(ctx, CHECKS);
  },
});
