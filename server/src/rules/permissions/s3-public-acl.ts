// S3 buckets and objects whose ACL lets anyone (or any AWS user) read or write them: a public canned ACL, or a grant
// to the AllUsers / AuthenticatedUsers groups.

import { attribute, blocksOf, literal, type HclBlock, type TerraformFile } from '../../models/terraform.js';
import { oneOf, reportSettings, resourceName, type SettingCheck } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

const CHECKS: readonly SettingCheck[] = [
  {
    resources: ['aws_s3_bucket', 'aws_s3_bucket_acl', 'aws_s3_object', 'aws_s3_bucket_object', 'aws_s3_object_copy'],
    path: ['acl'],
    insecure: oneOf('public-read', 'public-read-write', 'authenticated-read'),
    secure: '"private"',
    problem: 'anyone on the internet (or, for authenticated-read, any AWS account holder) can read its objects, and with public-read-write overwrite them: the classic source of data leaks',
    remedy: 'Use "private" and grant access through a bucket policy or CloudFront',
  },
];

const GROUPS: ReadonlyMap<string, string> = new Map([
  ['http://acs.amazonaws.com/groups/global/AllUsers', 'anyone on the internet'],
  ['http://acs.amazonaws.com/groups/global/AuthenticatedUsers', 'any AWS account holder'],
]);

/** Grants to the public groups: `access_control_policy { grant { grantee { uri } } }` and the legacy `grant { uri }`. */
function publicGrants(tf: TerraformFile, r: HclBlock): { range: { start: number; end: number }; who: string; origin: string | undefined }[] {
  const grants = [...blocksOf(r.body, 'grant'), ...blocksOf(r.body, 'access_control_policy').flatMap((p) => blocksOf(p.body, 'grant'))];
  const out: { range: { start: number; end: number }; who: string; origin: string | undefined }[] = [];
  for (const g of grants) {
    for (const holder of [g, ...blocksOf(g.body, 'grantee')]) {
      const uri = attribute(holder.body, 'uri');
      if (!uri) continue;
      const v = tf.values.resolve(uri.value);
      const value = literal(v.expr);
      const who = typeof value === 'string' ? GROUPS.get(value) : undefined;
      if (who) out.push({ range: v.range, who: `${who} ("${value as string}")`, origin: v.origin });
    }
  }
  return out;
}

export default defineRule({
  id: 's3-public-acl',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'high',
  description: 'An S3 bucket or object ACL is public (`public-read`, `public-read-write`, `authenticated-read`, or a grant to AllUsers / AuthenticatedUsers)',
  cwe: [284, 732],
  fix: 'unsafe',
  check(ctx) {
    reportSettings(ctx, CHECKS);
    const tf = ctx.file.terraform;
    if (!tf) return;
    for (const r of tf.blocksOfType('resource')) {
      if (r.labels[0]?.value !== 'aws_s3_bucket_acl' && r.labels[0]?.value !== 'aws_s3_bucket') continue;
      for (const g of publicGrants(tf, r)) {
        ctx.report({
          range: g.range,
          message: `${resourceName(r)} grants access to ${g.who}${g.origin ? ` (${g.origin})` : ''}: its objects can be read (or written, with WRITE) without your credentials, the classic source of data leaks. Remove the grant and give access through a bucket policy or CloudFront.`,
        });
      }
    }
  },
});
