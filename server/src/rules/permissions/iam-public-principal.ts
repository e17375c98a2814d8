// Resource, bucket and trust policies that let anyone in: `Principal: *` or a principal ARN with a wildcard account
// (`arn:aws:iam::*:root`), with no condition (an empty `Condition = {}` is none); and Lambda permissions for `*`.

import { policyStatements } from '../../models/iam-policy.js';
import { attribute, literal } from '../../models/terraform.js';
import { resourceName } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

/** `*`, or an IAM ARN whose account is a wildcard: any AWS account. */
export function isAnyPrincipal(p: string): boolean {
  return p === '*' || /^arn:aws[a-z-]*:(?:iam|sts)::\*:/.test(p);
}

/** Keys of an `aws_lambda_permission` that limit which caller the grant serves. */
const LAMBDA_SCOPES = ['source_arn', 'source_account', 'principal_org_id'];

export default defineRule({
  id: 'iam-public-principal',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'high',
  description: 'A resource or trust policy allows any principal (`*` or any account) without a condition',
  cwe: [284, 732],
  fix: 'none',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    const seen = new Set<number>();
    for (const s of policyStatements(tf)) {
      if (s.effect !== 'Allow' || !s.principals || s.hasCondition) continue;
      for (const p of s.principals.values) {
        if (!isAnyPrincipal(p.value) || seen.has(p.range.start)) continue;
        seen.add(p.range.start);
        const who = p.value === '*' ? "any principal ('*')" : `any AWS account ('${p.value}')`;
        const trust = (s.actions?.values ?? []).some((a) => /^sts:AssumeRole/i.test(a.value));
        ctx.report({
          range: p.range,
          message: `Policy statement allows ${who} with no condition: ${trust ? 'any AWS account can assume the role and act with its permissions' : 'anyone, in any AWS account or none, can perform its actions on the resource'}. Name the accounts or roles that need access, or add a condition (aws:SourceArn, aws:PrincipalOrgID, aws:SourceVpce, sts:ExternalId).`,
        });
      }
    }
    for (const r of tf.blocksOfType('resource', 'aws_lambda_permission')) {
      const principal = attribute(r.body, 'principal');
      if (!principal) continue;
      const v = tf.values.resolve(principal.value);
      if (literal(v.expr) !== '*') continue;
      if (LAMBDA_SCOPES.some((k) => attribute(r.body, k) !== undefined)) continue;
      ctx.report({
        range: v.range,
        message: `${resourceName(r)} lets principal '*'${v.origin ? ` (${v.origin})` : ''} invoke the function with no source_arn, source_account or principal_org_id: any AWS account can call it. Name the service or account that calls it and limit it with source_arn.`,
      });
    }
  },
});
