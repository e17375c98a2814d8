// Resource and bucket policies that allow `Principal: *` without a condition: anyone on the internet.

import { policyStatements } from '../../models/iam-policy.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'iam-public-principal',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'high',
  description: 'A resource policy allows any principal (`*`) without a condition',
  cwe: [284, 732],
  fix: 'none',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    const seen = new Set<number>();
    for (const s of policyStatements(tf)) {
      if (s.effect !== 'Allow' || !s.principals || s.hasCondition) continue;
      for (const p of s.principals.values) {
        if (p.value !== '*' || seen.has(p.range.start)) continue;
        seen.add(p.range.start);
        ctx.report({
          range: p.range,
          message: `Policy statement allows any principal ('*') with no condition: anyone, in any AWS account or none, can perform its actions on the resource. Name the accounts or roles that need access, or add a condition (aws:SourceArn, aws:PrincipalOrgID, aws:SourceVpce).`,
        });
      }
    }
  },
});
