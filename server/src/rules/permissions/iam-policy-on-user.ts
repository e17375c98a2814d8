// IAM policies attached to users directly (inline user policies, user policy attachments), rather than to groups or
// roles: permissions that are hard to review, and usually paired with long-lived access keys.

import { attribute, literal } from '../../models/terraform.js';
import { resourceName } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'iam-policy-on-user',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'low',
  description: 'An IAM policy is attached directly to a user instead of a group or role',
  cwe: [269],
  fix: 'none',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    const why = 'per-user permissions drift from any review, outlive the person\'s role, and usually come with long-lived access keys. Grant them through a group, or better a role the user assumes (IAM Identity Center)';
    for (const r of tf.blocksOfType('resource')) {
      const type = r.labels[0]?.value;
      if (type === 'aws_iam_user_policy' || type === 'aws_iam_user_policy_attachment') {
        ctx.report({ range: r.labels[0]!.range, message: `${resourceName(r)} gives a policy to a user directly: ${why}.` });
      } else if (type === 'aws_iam_policy_attachment') {
        const users = attribute(r.body, 'users');
        if (!users) continue;
        const v = literal(tf.values.resolve(users.value).expr);
        if (Array.isArray(v) && v.length === 0) continue;
        ctx.report({ range: users.nameRange, message: `${resourceName(r)} attaches its policy to users: ${why}.` });
      }
    }
  },
});
