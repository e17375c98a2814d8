// Kubernetes containers without `readOnlyRootFilesystem: true`: an intruder can change binaries and drop tools.

import { isMap, isScalar } from 'yaml';
import { boolOf, isDynamic, podsOf } from '../../models/kubernetes.js';
import { get, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'k8s-writable-root-fs',
  family: 'hardening',
  kinds: ['kubernetes'],
  severity: 'low',
  description: 'A container does not set `readOnlyRootFilesystem: true`',
  cwe: [732],
  fix: 'none',
  check(ctx) {
    for (const pod of podsOf(ctx.file)) {
      if (pod.windows) continue;
      for (const c of pod.containers) {
        // Ephemeral debug containers are meant to be interactive.
        if (c.list === 'ephemeralContainers') continue;
        const v = get(c.securityContext, 'readOnlyRootFilesystem');
        const b = boolOf(v);
        if (b === true || isDynamic(v)) continue;
        if (b === undefined && (v !== undefined || pod.partial || (c.securityContext != null && !isMap(c.securityContext)))) continue;
        const why = 'an intruder can then replace binaries and configuration in the container or drop tools into it. Set `securityContext.readOnlyRootFilesystem: true` and mount an emptyDir where the application must write.';
        ctx.report({
          range: b === false && isScalar(v) ? rangeOf(v)! : c.anchor,
          message: `Container '${c.name ?? '?'}' in ${pod.kind} '${pod.name ?? '?'}' has a writable root filesystem: ${why}`,
        });
      }
    }
  },
});
