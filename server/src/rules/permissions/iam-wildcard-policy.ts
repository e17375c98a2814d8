// IAM policies that allow every action (`*` or `service:*`) on every resource, and Azure custom roles with `*` actions.

import type { Range } from '../../core/types.js';
import { isWildcardAction, policyStatements } from '../../models/iam-policy.js';
import { attribute, blocksOf } from '../../models/terraform.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'iam-wildcard-policy',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'high',
  description: 'An IAM policy allows `*` actions on `*` resources, or an Azure custom role allows `*` actions',
  cwe: [269, 732],
  fix: 'none',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    const seen = new Set<string>();
    const report = (range: Range, message: string): void => {
      const key = `${range.start}:${range.end}`;
      if (seen.has(key)) return;
      seen.add(key);
      ctx.report({ range, message });
    };
    for (const s of policyStatements(tf)) {
      if (s.effect !== 'Allow' || !s.actions || !s.resources) continue;
      if (!s.resources.values.some((r) => r.value === '*')) continue;
      for (const a of s.actions.values) {
        if (!isWildcardAction(a.value)) continue;
        report(
          a.range,
          `IAM policy statement allows '${a.value}' on every resource ('*'): whoever holds it can ${a.value === '*' ? 'do anything in the account, including granting themselves more' : `use every ${a.value.split(':')[0]} action on every resource, including deleting data and changing access`}. List the actions the workload needs and scope Resource to the ARNs it uses.`,
        );
      }
    }
    for (const role of tf.blocksOfType('resource', 'azurerm_role_definition')) {
      for (const p of blocksOf(role.body, 'permissions')) {
        const actions = attribute(p.body, 'actions')?.value;
        if (actions?.type !== 'tuple') continue;
        for (const item of actions.items) {
          if (item.type !== 'string' || item.value !== '*') continue;
          report(item.range, `Azure custom role allows '*' actions: it is as powerful as Owner within its scope, including changing role assignments. List the actions the role needs.`);
        }
      }
    }
  },
});
