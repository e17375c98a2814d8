// Kubernetes containers that do not set `allowPrivilegeEscalation: false`: setuid binaries can still gain privileges.

import { isMap, isScalar } from 'yaml';
import { boolOf, helmValuesOf, insertSecurityContextEntry, isDynamic, podsOf } from '../../models/kubernetes.js';
import { get, items, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'k8s-privilege-escalation',
  family: 'hardening',
  kinds: ['kubernetes'],
  severity: 'medium',
  description: 'A container does not set `allowPrivilegeEscalation: false`',
  cwe: [269],
  fix: 'unsafe',
  check(ctx) {
    const { text, lines } = ctx.file;
    // A chart's values: only an explicit `true` is a finding (what the templates do without the key is unknown).
    for (const sc of helmValuesOf(ctx.file)?.securityContexts ?? []) {
      const v = get(sc.node, 'allowPrivilegeEscalation');
      if (boolOf(v) !== true || !isScalar(v)) continue;
      const range = rangeOf(v)!;
      ctx.report({
        range,
        message: `The chart value '${sc.path}' (copied into pods by the templates) sets allowPrivilegeEscalation: true: a process in the container can gain more privileges than its parent (through setuid binaries or file capabilities), which turns a foothold into root in the container. Set it to false.`,
        fixes: [{ title: 'Set allowPrivilegeEscalation: false', safety: 'unsafe', edits: [{ range, newText: 'false' }] }],
      });
    }
    for (const pod of podsOf(ctx.file)) {
      if (pod.windows) continue;
      for (const c of pod.containers) {
        const sc = c.securityContext;
        const v = get(sc, 'allowPrivilegeEscalation');
        if (boolOf(v) === false || isDynamic(v)) continue;
        // Privileged or CAP_SYS_ADMIN containers always escalate, and the API rejects `false` next to them:
        // k8s-privileged and k8s-dangerous-capabilities report those.
        if (boolOf(get(sc, 'privileged')) === true) continue;
        const added = items(get(get(sc, 'capabilities'), 'add')).map((n) => (isScalar(n) ? String(n.value).toUpperCase() : ''));
        if (added.includes('SYS_ADMIN') || added.includes('CAP_SYS_ADMIN')) continue;
        const who = `Container '${c.name ?? '?'}' in ${pod.kind} '${pod.name ?? '?'}'`;
        const why = 'a process in it can gain more privileges than its parent (through setuid binaries or file capabilities), which turns a foothold into root in the container. Set `securityContext.allowPrivilegeEscalation: false`.';
        if (isScalar(v) && boolOf(v) === true) {
          const range = rangeOf(v)!;
          ctx.report({
            range,
            message: `${who} sets allowPrivilegeEscalation: true: ${why}`,
            fixes: [{ title: 'Set allowPrivilegeEscalation: false', safety: 'unsafe', edits: [{ range, newText: 'false' }] }],
          });
          continue;
        }
        if (v !== undefined && v !== null) continue; // some other value: not ours to judge
        if (pod.partial) continue;
        if (sc !== undefined && sc !== null && !isMap(sc)) continue;
        const edit = insertSecurityContextEntry(c.node, 'allowPrivilegeEscalation', 'false', text, lines);
        ctx.report({
          range: c.anchor,
          message: `${who} does not set allowPrivilegeEscalation, which defaults to true: ${why}`,
          fixes: edit ? [{ title: 'Add allowPrivilegeEscalation: false to the container securityContext', safety: 'unsafe', edits: [edit] }] : [],
        });
      }
    }
  },
});
