// Kubernetes containers with `securityContext.privileged: true`: the container gets every device and capability of the node.

import { isScalar } from 'yaml';
import { boolOf, podsOf } from '../../models/kubernetes.js';
import { get, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'k8s-privileged',
  family: 'hardening',
  kinds: ['kubernetes'],
  severity: 'high',
  description: 'A container runs privileged',
  cwe: [250, 269],
  fix: 'unsafe',
  check(ctx) {
    for (const pod of podsOf(ctx.file)) {
      for (const c of pod.containers) {
        const v = get(c.securityContext, 'privileged');
        if (boolOf(v) !== true || !isScalar(v)) continue;
        const range = rangeOf(v)!;
        ctx.report({
          range,
          message: `Container '${c.name ?? '?'}' in ${pod.kind} '${pod.name ?? '?'}' runs privileged: it gets all capabilities and the host's devices, so a compromise of the container is a compromise of the node. Set \`privileged: false\` and grant only the capabilities it needs.`,
          fixes: [{ title: 'Set privileged: false', safety: 'unsafe', edits: [{ range, newText: 'false' }] }],
        });
      }
    }
  },
});
