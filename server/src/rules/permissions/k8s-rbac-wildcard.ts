// Kubernetes Roles and ClusterRoles that grant `*` verbs or `*` resources.

import { rbacRules } from '../../models/kubernetes.js';
import { rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'k8s-rbac-wildcard',
  family: 'permissions',
  kinds: ['kubernetes'],
  severity: 'high',
  description: 'An RBAC Role or ClusterRole grants `*` verbs or `*` resources',
  cwe: [269, 732],
  fix: 'none',
  check(ctx) {
    const yaml = ctx.file.yaml;
    if (!yaml) return;
    for (const rule of rbacRules(yaml.docs, ctx.file.text)) {
      for (const [field, list] of [['verbs', rule.verbs], ['resources', rule.resources]] as const) {
        for (const item of list) {
          if (item.value !== '*') continue;
          ctx.report({
            range: rangeOf(item)!,
            message: `${rule.kind} '${rule.name ?? '?'}' grants '*' ${field}: it covers every ${field === 'verbs' ? 'action (including escalate, bind and impersonate)' : 'resource type (including secrets and any added later)'}, far more than a workload needs. List the ${field} explicitly.`,
          });
        }
      }
    }
  },
});
