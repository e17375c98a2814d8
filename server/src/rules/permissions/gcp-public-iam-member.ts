// GCP IAM grants to `allUsers` or `allAuthenticatedUsers`: anyone on the internet, or anyone with a Google account.

import type { HclExpr } from '../../models/terraform.js';
import { attribute, blocksOf } from '../../models/terraform.js';
import { defineRule } from '../define.js';

const PUBLIC = new Set(['allUsers', 'allAuthenticatedUsers']);

function publicMembers(expr: HclExpr | undefined): { value: string; range: { start: number; end: number } }[] {
  if (!expr) return [];
  const items = expr.type === 'tuple' ? expr.items : [expr];
  return items.flatMap((e) => (e.type === 'string' && PUBLIC.has(e.value) ? [{ value: e.value, range: e.range }] : []));
}

export default defineRule({
  id: 'gcp-public-iam-member',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'high',
  description: 'A GCP IAM binding grants a role to `allUsers` or `allAuthenticatedUsers`',
  cwe: [284, 732],
  fix: 'none',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    const hits: { value: string; range: { start: number; end: number }; where: string }[] = [];
    for (const r of tf.blocksOfType('resource')) {
      const type = r.labels[0]?.value ?? '';
      if (!/^google_.*_iam_(member|binding)$/.test(type)) continue;
      const where = `${type} '${r.labels[1]?.value ?? '?'}'`;
      for (const m of [...publicMembers(attribute(r.body, 'member')?.value), ...publicMembers(attribute(r.body, 'members')?.value)]) hits.push({ ...m, where });
    }
    for (const d of tf.blocksOfType('data', 'google_iam_policy')) {
      const where = `data google_iam_policy '${d.labels[1]?.value ?? '?'}'`;
      for (const b of blocksOf(d.body, 'binding')) for (const m of publicMembers(attribute(b.body, 'members')?.value)) hits.push({ ...m, where });
    }
    for (const h of hits) {
      ctx.report({
        range: h.range,
        message: `${h.where} grants a role to '${h.value}': ${h.value === 'allUsers' ? 'anyone on the internet, without signing in' : 'anyone with any Google account'} gets that role on the resource. Grant it to specific users, groups or service accounts instead.`,
      });
    }
  },
});
