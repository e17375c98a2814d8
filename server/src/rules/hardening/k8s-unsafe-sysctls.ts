// Kubernetes pods that set kernel parameters outside the safe, namespaced set (`securityContext.sysctls`).

import { isScalar } from 'yaml';
import { isDynamic, podsOf } from '../../models/kubernetes.js';
import { get, items, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

/** The sysctls the Pod Security Standards baseline allows (namespaced, isolated from other pods). */
export const SAFE_SYSCTLS: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);

export default defineRule({
  id: 'k8s-unsafe-sysctls',
  family: 'hardening',
  kinds: ['kubernetes'],
  severity: 'medium',
  description: 'A pod sets a kernel parameter (sysctl) outside the safe set',
  cwe: [250],
  fix: 'none',
  check(ctx) {
    for (const pod of podsOf(ctx.file)) {
      for (const entry of items(get(pod.securityContext, 'sysctls'))) {
        const name = get(entry, 'name');
        if (!isScalar(name) || typeof name.value !== 'string' || isDynamic(name)) continue;
        // `net/ipv4/…` is the same parameter as `net.ipv4.…`.
        const key = name.value.replace(/\//g, '.');
        if (SAFE_SYSCTLS.has(key)) continue;
        ctx.report({
          range: rangeOf(name)!,
          message: `${pod.kind} '${pod.name ?? '?'}' sets the sysctl '${name.value}', which is not in the safe set: an unsafe sysctl may not be isolated from the node and other pods, so it can change kernel behaviour for all of them or exhaust node resources, and the kubelet rejects the pod unless it allows that sysctl explicitly. Remove it, or set it on the nodes that need it.`,
        });
      }
    }
  },
});
