// Kubernetes containers that add powerful Linux capabilities (`ALL`, `SYS_ADMIN`, `NET_ADMIN`, …).

import { isScalar } from 'yaml';
import { podsOf } from '../../models/kubernetes.js';
import { get, items, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

/** Capabilities that amount to, or lead straight to, root on the node. */
export const DANGEROUS_CAPABILITIES: ReadonlySet<string> = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'DAC_READ_SEARCH', 'BPF']);

export function capabilityName(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  const up = v.toUpperCase();
  return up.startsWith('CAP_') ? up.slice(4) : up;
}

export default defineRule({
  id: 'k8s-dangerous-capabilities',
  family: 'hardening',
  kinds: ['kubernetes'],
  severity: 'high',
  description: 'A container adds a dangerous Linux capability',
  cwe: [250],
  fix: 'none',
  check(ctx) {
    for (const pod of podsOf(ctx.file)) {
      for (const c of pod.containers) {
        for (const item of items(get(get(c.securityContext, 'capabilities'), 'add'))) {
          if (!isScalar(item)) continue;
          const cap = capabilityName(item.value);
          if (cap === undefined || !DANGEROUS_CAPABILITIES.has(cap)) continue;
          ctx.report({
            range: rangeOf(item)!,
            message: `Container '${c.name ?? '?'}' in ${pod.kind} '${pod.name ?? '?'}' adds the ${cap} capability, which gives a process in it near-root power over the node (mounting filesystems, changing the network, loading modules or reading any process). Drop it, or add only the narrow capability the workload needs.`,
          });
        }
      }
    }
  },
});
