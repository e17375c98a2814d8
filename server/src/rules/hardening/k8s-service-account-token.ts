// Kubernetes pods that get an API token mounted without needing it: `automountServiceAccountToken` not false.

import { isScalar } from 'yaml';
import { boolOf, isAnalyzable, isDynamic, podsOf } from '../../models/kubernetes.js';
import { get, getPair } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'k8s-service-account-token',
  family: 'hardening',
  kinds: ['kubernetes'],
  severity: 'low',
  description: 'A pod mounts its service account token by default (`automountServiceAccountToken` not set)',
  cwe: [250],
  fix: 'none',
  check(ctx) {
    const yaml = ctx.file.yaml;
    if (!yaml) return;
    // A ServiceAccount in the same file may turn the mount off for every pod that uses it.
    const saOff = new Set<string>();
    for (const doc of yaml.docs) {
      const kind = get(doc.contents, 'kind');
      if (!isScalar(kind) || kind.value !== 'ServiceAccount' || !isAnalyzable(doc, ctx.file.text)) continue;
      const name = get(get(doc.contents, 'metadata'), 'name');
      if (isScalar(name) && boolOf(get(doc.contents, 'automountServiceAccountToken')) === false) saOff.add(String(name.value));
    }
    for (const pod of podsOf(ctx.file)) {
      // An explicit `true` states that the workload talks to the API (controllers, operators): not a finding.
      if (getPair(pod.spec, 'automountServiceAccountToken') || pod.partial) continue;
      const sa = get(pod.spec, 'serviceAccountName') ?? get(pod.spec, 'serviceAccount');
      if (sa !== undefined && (!isScalar(sa) || isDynamic(sa))) continue;
      const saName = isScalar(sa) ? String(sa.value) : 'default';
      if (saOff.has(saName)) continue;
      ctx.report({
        range: pod.anchor,
        message: `${pod.kind} '${pod.name ?? '?'}' mounts the token of service account '${saName}' into every container: whoever compromises the pod can call the Kubernetes API with that account's rights. Set \`automountServiceAccountToken: false\` unless the workload talks to the API.`,
      });
    }
  },
});
