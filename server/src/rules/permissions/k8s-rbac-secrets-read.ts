// Kubernetes Roles and ClusterRoles that can read Secrets (`get`, `list` or `watch` on `secrets`).

import { rbacRules } from '../../models/kubernetes.js';
import { get, items, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const READ = new Set(['get', 'list', 'watch', '*']);

export default defineRule({
  id: 'k8s-rbac-secrets-read',
  family: 'permissions',
  kinds: ['kubernetes'],
  severity: 'medium',
  description: 'An RBAC Role or ClusterRole can read Secrets',
  cwe: [269, 200],
  fix: 'none',
  check(ctx) {
    const yaml = ctx.file.yaml;
    if (!yaml) return;
    for (const rule of rbacRules(yaml.docs, ctx.file.text)) {
      // Secrets live in the core API group ("").
      if (!rule.apiGroups.some((g) => g.value === '' || g.value === '*')) continue;
      // Limited to named secrets: the narrowing this rule asks for.
      if (items(get(rule.node, 'resourceNames')).length > 0) continue;
      const verbs = rule.verbs.map((v) => String(v.value)).filter((v) => READ.has(v));
      if (verbs.length === 0) continue;
      for (const item of rule.resources) {
        if (item.value !== 'secrets') continue;
        ctx.report({
          range: rangeOf(item)!,
          message: `${rule.kind} '${rule.name ?? '?'}' can ${verbs.join('/')} secrets${rule.kind === 'ClusterRole' ? ' (in every namespace it is bound for)' : ''}: anyone holding it reads every credential stored there. Limit it with resourceNames to the secrets the workload needs, or drop the rule.`,
        });
      }
    }
  },
});
