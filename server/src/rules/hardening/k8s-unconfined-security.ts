// Kubernetes pods and containers that switch off a kernel confinement: seccomp or AppArmor `Unconfined`, custom
// SELinux types, users or roles, or an unmasked `/proc`.

import { isScalar, type Scalar } from 'yaml';
import type { Fix, Severity } from '../../core/types.js';
import { helmValuesOf, isDynamic, podsOf } from '../../models/kubernetes.js';
import { entries, get, valueRange } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

/** SELinux types the Pod Security Standards baseline allows. */
const SELINUX_TYPES = new Set(['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

interface Hit {
  readonly node: Scalar;
  readonly what: string;
  readonly why: string;
  readonly severity?: Severity;
  /** the replacement value, when one edit is the fix. */
  readonly safe?: string;
}

const SECCOMP = 'every system call of the kernel is open to the container, including the ones most container escapes use';
const APPARMOR = 'no AppArmor profile restricts what the container may do with files, mounts and the network';

function str(node: unknown): Scalar | undefined {
  return isScalar(node) && typeof node.value === 'string' && !isDynamic(node) ? node : undefined;
}

/** The hazards in one securityContext map (pod or container). */
function contextHits(sc: unknown, container: boolean): Hit[] {
  const hits: Hit[] = [];
  const seccomp = str(get(get(sc, 'seccompProfile'), 'type'));
  if (seccomp && seccomp.value === 'Unconfined') hits.push({ node: seccomp, what: 'seccompProfile.type: Unconfined', why: SECCOMP, safe: 'RuntimeDefault' });
  const apparmor = str(get(get(sc, 'appArmorProfile'), 'type'));
  if (apparmor && apparmor.value === 'Unconfined') hits.push({ node: apparmor, what: 'appArmorProfile.type: Unconfined', why: APPARMOR, safe: 'RuntimeDefault' });
  const se = get(sc, 'seLinuxOptions');
  const type = str(get(se, 'type'));
  if (type && type.value !== '' && !SELINUX_TYPES.has(String(type.value))) {
    hits.push({ node: type, what: `seLinuxOptions.type: ${String(type.value)}`, why: type.value === 'spc_t' ? 'spc_t is the "super privileged container" type, which SELinux does not confine at all' : 'a custom SELinux type may grant the container access that the container types deny', severity: type.value === 'spc_t' ? 'high' : 'medium' });
  }
  for (const key of ['user', 'role'] as const) {
    const v = str(get(se, key));
    if (v && v.value !== '') hits.push({ node: v, what: `seLinuxOptions.${key}: ${String(v.value)}`, why: `a custom SELinux ${key} can lift the confinement the container types give`, severity: 'medium' });
  }
  if (container) {
    const proc = str(get(sc, 'procMount'));
    if (proc && proc.value === 'Unmasked') hits.push({ node: proc, what: 'procMount: Unmasked', why: "the container sees /proc without the runtime's masks, including kernel interfaces that reveal and change node settings", severity: 'medium', safe: 'Default' });
  }
  return hits;
}

/** Legacy annotations: `seccomp.security.alpha.kubernetes.io/pod`, `container.seccomp…/<name>`, `container.apparmor…/<name>`. */
function annotationHits(annotations: unknown): Hit[] {
  const hits: Hit[] = [];
  for (const [key, pair] of entries(annotations)) {
    const v = str(pair.value);
    if (!v || String(v.value).toLowerCase() !== 'unconfined') continue;
    if (key === 'seccomp.security.alpha.kubernetes.io/pod' || key.startsWith('container.seccomp.security.alpha.kubernetes.io/')) {
      hits.push({ node: v, what: `annotation ${key}: unconfined`, why: SECCOMP, safe: 'runtime/default' });
    } else if (key.startsWith('container.apparmor.security.beta.kubernetes.io/')) {
      hits.push({ node: v, what: `annotation ${key}: unconfined`, why: APPARMOR, safe: 'runtime/default' });
    }
  }
  return hits;
}

export default defineRule({
  id: 'k8s-unconfined-security',
  family: 'hardening',
  kinds: ['kubernetes'],
  severity: 'high',
  description: 'A pod or container turns off seccomp, AppArmor, SELinux confinement or the /proc masks',
  cwe: [693, 250],
  fix: 'unsafe',
  check(ctx) {
    const report = (h: Hit, who: string): void => {
      const range = valueRange(h.node, ctx.file.text);
      const fixes: Fix[] = h.safe ? [{ title: `Set ${h.safe}`, safety: 'unsafe', edits: [{ range, newText: h.safe }] }] : [];
      ctx.report({
        range,
        message: `${who} sets ${h.what}: ${h.why}, so a compromise of the application is one step closer to the node. ${h.safe ? `Use \`${h.safe}\`` : 'Remove it and let the runtime apply its default confinement'}${h.safe && h.safe !== 'Default' ? ' (or a custom profile that allows what the workload needs)' : ''}.`,
        fixes,
        ...(h.severity && { severity: h.severity }),
      });
    };
    for (const pod of podsOf(ctx.file)) {
      const where = `${pod.kind} '${pod.name ?? '?'}'`;
      for (const h of annotationHits(pod.annotations)) report(h, where);
      for (const h of contextHits(pod.securityContext, false)) report(h, where);
      for (const c of pod.containers) for (const h of contextHits(c.securityContext, true)) report(h, `Container '${c.name ?? '?'}' in ${where}`);
    }
    for (const sc of helmValuesOf(ctx.file)?.securityContexts ?? []) {
      for (const h of contextHits(sc.node, true)) report(h, `The chart value '${sc.path}' (copied into pods by the templates)`);
    }
  },
});
