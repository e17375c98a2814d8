// Kubernetes pods that set no seccomp profile (Restricted Pod Security Standard): without one, most clusters run
// containers with every system call allowed.

import { isMap, isScalar } from 'yaml';
import { insertSecurityContextBlock, isDynamic, podsOf, type Container } from '../../models/kubernetes.js';
import { get } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

type Profile = 'confined' | 'unconfined' | 'unknown' | 'unset';

function profileOf(sc: unknown): Profile {
  const type = get(get(sc, 'seccompProfile'), 'type');
  if (type === undefined || type === null) return get(sc, 'seccompProfile') === undefined ? 'unset' : 'unknown';
  if (!isScalar(type) || typeof type.value !== 'string' || isDynamic(type)) return 'unknown';
  if (type.value === 'RuntimeDefault' || type.value === 'Localhost') return 'confined';
  return type.value === 'Unconfined' ? 'unconfined' : 'unknown';
}

/** The legacy seccomp annotations (ignored by kubelets since 1.27, but they state the intent). */
function annotationProfile(annotations: unknown, key: string): Profile {
  const v = get(annotations, key);
  if (v === undefined) return 'unset';
  if (!isScalar(v) || typeof v.value !== 'string' || isDynamic(v)) return 'unknown';
  const s = v.value.toLowerCase();
  if (s === 'runtime/default' || s === 'docker/default' || s.startsWith('localhost/')) return 'confined';
  return s === 'unconfined' ? 'unconfined' : 'unknown';
}

const WHY = 'unless the kubelet runs with --seccomp-default, its containers may use every system call of the kernel, including the ones most container escapes need. Set `securityContext.seccompProfile.type: RuntimeDefault` (or `Localhost` with a profile of your own).';

export default defineRule({
  id: 'k8s-seccomp-not-set',
  family: 'hardening',
  kinds: ['kubernetes'],
  severity: 'low',
  description: 'A pod sets no seccomp profile (`seccompProfile.type: RuntimeDefault`)',
  cwe: [693],
  fix: 'unsafe',
  check(ctx) {
    const { text, lines } = ctx.file;
    for (const pod of podsOf(ctx.file)) {
      if (pod.windows || pod.partial) continue;
      const podLevel = profileOf(pod.securityContext);
      const podAnnotation = annotationProfile(pod.annotations, 'seccomp.security.alpha.kubernetes.io/pod');
      // Set (or turned off, which k8s-unconfined-security reports) for the whole pod, or not knowable.
      if (podLevel !== 'unset' || podAnnotation !== 'unset') continue;
      if (pod.securityContext != null && !isMap(pod.securityContext)) continue;
      const missing: Container[] = [];
      let someSet = false;
      for (const c of pod.containers) {
        if (c.list === 'ephemeralContainers') continue;
        const own = profileOf(c.securityContext);
        const ann = annotationProfile(pod.annotations, `container.seccomp.security.alpha.kubernetes.io/${c.name ?? ''}`);
        if (own === 'unset' && ann === 'unset') {
          if (c.securityContext != null && !isMap(c.securityContext)) continue;
          missing.push(c);
        } else someSet = true;
      }
      if (missing.length === 0) continue;
      if (!someSet) {
        const edit = insertSecurityContextBlock(pod.spec, 'seccompProfile', [['type', 'RuntimeDefault']], text, lines);
        ctx.report({
          range: pod.anchor,
          message: `${pod.kind} '${pod.name ?? '?'}' sets no seccomp profile: ${WHY}`,
          fixes: edit ? [{ title: 'Add seccompProfile.type: RuntimeDefault to the pod securityContext', safety: 'unsafe', edits: [edit] }] : [],
        });
        continue;
      }
      for (const c of missing) {
        const edit = insertSecurityContextBlock(c.node, 'seccompProfile', [['type', 'RuntimeDefault']], text, lines);
        ctx.report({
          range: c.anchor,
          message: `Container '${c.name ?? '?'}' in ${pod.kind} '${pod.name ?? '?'}' has no seccomp profile (its pod sets none either): ${WHY}`,
          fixes: edit ? [{ title: 'Add seccompProfile.type: RuntimeDefault to the container securityContext', safety: 'unsafe', edits: [edit] }] : [],
        });
      }
    }
  },
});
