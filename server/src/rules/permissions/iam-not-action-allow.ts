// IAM statements that Allow with NotAction or NotResource: they grant everything except a list, including every
// action and resource AWS adds later.

import { policyStatements } from '../../models/iam-policy.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'iam-not-action-allow',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'An IAM policy statement allows with `NotAction` or `NotResource`',
  cwe: [269, 732],
  fix: 'none',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    const seen = new Set<number>();
    for (const s of policyStatements(tf)) {
      if (s.effect !== 'Allow') continue;
      for (const [field, key, what] of [
        [s.notActions, 'NotAction', 'every action except the ones listed, including services and actions AWS adds later'],
        [s.notResources, 'NotResource', 'the actions on every resource except the ones listed, including resources created later'],
      ] as const) {
        if (!field) continue;
        const range = field.values[0]?.range ?? s.range;
        if (seen.has(range.start)) continue;
        seen.add(range.start);
        ctx.report({
          range,
          message: `IAM policy statement allows with ${key}: it grants ${what}. Allow the actions and resources that are needed by name (Action, Resource); keep ${key} for Deny statements.`,
        });
      }
    }
  },
});
