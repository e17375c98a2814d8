// Kubernetes volumes that mount sensitive node paths: the container runtime socket, `/`, `/etc`, `/proc`, `/var/run`, …

import { isScalar } from 'yaml';
import { isDynamic, podsOf } from '../../models/kubernetes.js';
import { get, items, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';
import { trimTrailing } from '../../core/text.js';

/** Node paths whose mount hands over the node: the path itself or anything below it. */
const SENSITIVE = ['/etc', '/proc', '/sys', '/var/run', '/run', '/root', '/boot', '/dev', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd'];

export function sensitiveHostPath(path: string): boolean {
  const p = path.length > 1 ? trimTrailing(path, '/') : path;
  if (p === '/') return true;
  if (/\.sock$/.test(p) && /(docker|containerd|crio|cri-dockerd|podman)/.test(p)) return true;
  return SENSITIVE.some((s) => p === s || p.startsWith(`${s}/`));
}

export default defineRule({
  id: 'k8s-host-path',
  family: 'hardening',
  kinds: ['kubernetes'],
  severity: 'high',
  description: 'A pod mounts a sensitive path of the node (runtime socket, /, /etc, /proc, /var/run, …)',
  cwe: [668],
  fix: 'none',
  check(ctx) {
    for (const pod of podsOf(ctx.file)) {
      for (const vol of items(get(pod.spec, 'volumes'))) {
        const path = get(get(vol, 'hostPath'), 'path');
        if (!isScalar(path) || typeof path.value !== 'string' || isDynamic(path) || !sensitiveHostPath(path.value)) continue;
        ctx.report({
          range: rangeOf(path)!,
          message: `${pod.kind} '${pod.name ?? '?'}' mounts the node path '${path.value}': through it a container can read node credentials, control the container runtime or change the node itself, which is a path to taking over the node. Use a configMap, secret, emptyDir or persistent volume instead.`,
        });
      }
    }
  },
});
