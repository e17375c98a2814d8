// Kubernetes containers that add Linux capabilities beyond the Pod Security Standards baseline: near-root ones
// (`ALL`, `SYS_ADMIN`, `NET_ADMIN`, …) at high severity, the rest (`NET_RAW`, `SYS_TIME`, …) at medium.

import { isScalar } from 'yaml';
import { helmValuesOf, podsOf } from '../../models/kubernetes.js';
import { get, items, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

/** Capabilities that amount to, or lead straight to, root on the node. */
export const DANGEROUS_CAPABILITIES: ReadonlySet<string> = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'DAC_READ_SEARCH', 'BPF']);

/** What the Pod Security Standards baseline lets a container add (the container runtimes' default set, minus NET_RAW). */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** What some of the others allow, for messages. */
const WHAT: Readonly<Record<string, string>> = {
  NET_RAW: 'craft raw packets: spoof ARP and DNS answers to other pods on the node and intercept their traffic',
  SYS_TIME: "set the node's clock, which breaks certificate and token expiry checks for everything on it",
  SYS_BOOT: 'reboot the node',
  SYS_RESOURCE: 'override resource limits and exhaust the node',
  IPC_LOCK: 'lock memory and starve the node',
  LINUX_IMMUTABLE: 'change immutable and append-only files',
  MAC_ADMIN: 'change the mandatory access control (AppArmor, SELinux) policy',
  MAC_OVERRIDE: 'bypass mandatory access control (AppArmor, SELinux)',
  SYSLOG: "read the kernel log, with kernel addresses that help exploits",
  PERFMON: 'use performance monitoring, a source of kernel exploits and side channels',
  CHECKPOINT_RESTORE: 'checkpoint and restore processes',
  WAKE_ALARM: 'set wake-up alarms on the node',
  BLOCK_SUSPEND: 'keep the node from suspending',
  AUDIT_CONTROL: 'change the kernel audit rules, hiding what happens on the node',
  AUDIT_READ: 'read the kernel audit log of the node',
  SYS_NICE: "raise its priority above the node's other work",
  SYS_PACCT: 'switch process accounting on the node',
  SYS_TTY_CONFIG: "reconfigure the node's terminals",
  LEASE: 'take leases on files other processes use',
};

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
  description: 'A container adds a Linux capability beyond the Pod Security Standards baseline',
  cwe: [250],
  fix: 'none',
  check(ctx) {
    const check = (add: unknown, who: string): void => {
      for (const item of items(add)) {
        if (!isScalar(item)) continue;
        const cap = capabilityName(item.value);
        if (cap === undefined || cap.includes('$___') || cap.includes('$') || BASELINE_CAPABILITIES.has(cap)) continue;
        if (DANGEROUS_CAPABILITIES.has(cap)) {
          ctx.report({
            range: rangeOf(item)!,
            message: `${who} adds the ${cap} capability, which gives a process in it near-root power over the node (mounting filesystems, changing the network, loading modules or reading any process). Drop it, or add only the narrow capability the workload needs.`,
          });
        } else {
          ctx.report({
            range: rangeOf(item)!,
            severity: 'medium',
            message: `${who} adds the ${cap} capability, which the Pod Security Standards baseline does not allow: it lets a process in the container ${WHAT[cap] ?? 'do more than an application needs'}. Drop it unless the workload cannot work without it.`,
          });
        }
      }
    };
    for (const pod of podsOf(ctx.file)) {
      for (const c of pod.containers) check(get(get(c.securityContext, 'capabilities'), 'add'), `Container '${c.name ?? '?'}' in ${pod.kind} '${pod.name ?? '?'}'`);
    }
    for (const sc of helmValuesOf(ctx.file)?.securityContexts ?? []) {
      check(get(get(sc.node, 'capabilities'), 'add'), `The chart value '${sc.path}' (copied into pods by the templates) says the container`);
    }
  },
});
