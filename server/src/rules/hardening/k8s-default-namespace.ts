// Kubernetes objects placed explicitly in the `default` namespace, where nothing separates them from everything else.

import { isScalar } from 'yaml';
import { objectsOf, shown } from '../../models/kubernetes.js';
import { get, valueRange } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'k8s-default-namespace',
  family: 'hardening',
  kinds: ['kubernetes'],
  severity: 'info',
  description: 'An object is placed in the `default` namespace',
  cwe: [653],
  fix: 'none',
  check(ctx) {
    const yaml = ctx.file.yaml;
    if (!yaml) return;
    for (const { root } of objectsOf(yaml.docs)) {
      const ns = get(get(root, 'metadata'), 'namespace');
      if (!isScalar(ns) || ns.value !== 'default') continue;
      const kind = get(root, 'kind');
      const name = get(get(root, 'metadata'), 'name');
      ctx.report({
        range: valueRange(ns, ctx.file.text),
        message: `${isScalar(kind) ? String(kind.value) : 'This object'} '${shown(name, ctx.file.text) ?? '?'}' is placed in the default namespace: everything deployed without a namespace lands there too, so RBAC roles, NetworkPolicies, quotas and Pod Security admission labels cannot separate this workload from the rest. Deploy it into a namespace of its own.`,
      });
    }
  },
});
