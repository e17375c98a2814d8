// Kubernetes containers without a memory limit: one leaking or attacked container can starve its node.

import { isMap } from 'yaml';
import { isDynamic, objectsOf, podsOf } from '../../models/kubernetes.js';
import { get, items } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'k8s-no-memory-limit',
  family: 'hardening',
  kinds: ['kubernetes'],
  severity: 'low',
  description: 'A container sets no memory limit (`resources.limits.memory`)',
  cwe: [770],
  fix: 'none',
  check(ctx) {
    const pods = podsOf(ctx.file);
    if (pods.length === 0 || !ctx.file.yaml) return;
    // A LimitRange in the same file gives containers of its namespace a default limit.
    for (const { root, kind } of objectsOf(ctx.file.yaml.docs)) {
      if (kind !== 'LimitRange') continue;
      if (items(get(get(root, 'spec'), 'limits')).some((l) => get(get(l, 'default'), 'memory') !== undefined)) return;
    }
    for (const pod of pods) {
      if (pod.partial) continue;
      for (const c of pod.containers) {
        // Ephemeral containers cannot have resources.
        if (c.list === 'ephemeralContainers') continue;
        const resources = get(c.node, 'resources');
        if (resources != null && !isMap(resources)) continue;
        const limits = get(resources, 'limits');
        if (limits != null && !isMap(limits)) continue;
        const memory = get(limits, 'memory');
        if (memory !== undefined && memory !== null) continue;
        if (isDynamic(resources) || isDynamic(limits)) continue;
        ctx.report({
          range: c.anchor,
          message: `Container '${c.name ?? '?'}' in ${pod.kind} '${pod.name ?? '?'}' sets no memory limit: a leak, a load spike or an attacker's input can make it use all the node's memory, and the kernel then kills other pods on that node too. Set \`resources.limits.memory\` (and a matching request).`,
        });
      }
    }
  },
});
