// S3 buckets given a canned ACL that lets anyone (or any AWS user) read or write them.

import { literalAttributes, replaceValue, resources } from '../../models/terraform-checks.js';
import { defineRule } from '../define.js';

const PUBLIC = ['public-read', 'public-read-write', 'authenticated-read'];

export default defineRule({
  id: 's3-public-acl',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'high',
  description: 'An S3 bucket has a public canned ACL (`public-read`, `public-read-write`, `authenticated-read`)',
  cwe: [284, 732],
  fix: 'unsafe',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    for (const r of resources(tf, new Set(['aws_s3_bucket', 'aws_s3_bucket_acl', 'aws_s3_object', 'aws_s3_bucket_object']))) {
      for (const acl of PUBLIC) {
        for (const attr of literalAttributes(r.block, 'acl', acl)) {
          const edit = replaceValue(attr, 'private');
          ctx.report({
            range: attr.value.range,
            message: `${r.type} '${r.name}' sets acl = "${acl}": ${acl === 'authenticated-read' ? 'any AWS account holder' : 'anyone on the internet'} can ${acl === 'public-read-write' ? 'read and overwrite' : 'read'} its objects, the classic source of data leaks. Use "private" and grant access through a bucket policy or CloudFront.`,
            fixes: edit ? [{ title: 'Set acl = "private"', safety: 'unsafe', edits: [edit] }] : [],
          });
        }
      }
    }
  },
});
