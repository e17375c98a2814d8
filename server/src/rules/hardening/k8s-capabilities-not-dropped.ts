// Kubernetes containers that keep the runtime's default capabilities (Restricted Pod Security Standard: drop ALL).

import { isMap, isScalar, isSeq } from 'yaml';
import type { TextEdit } from '../../core/types.js';
import { boolOf, insertEntry, insertSecurityContextBlock, isDynamic, podsOf, type Container } from '../../models/kubernetes.js';
import { get, getPair } from '../../models/yaml-nodes.js';
import type { LineIndex } from '../../core/text.js';
import { defineRule } from '../define.js';

/** The edit that adds `drop: ["ALL"]`, or undefined when the shape does not allow one exact edit. */
function dropAllEdit(c: Container, text: string, lines: LineIndex): TextEdit | undefined {
  const sc = c.securityContext;
  const caps = getPair(sc, 'capabilities');
  if (!caps) return insertSecurityContextBlock(c.node, 'capabilities', [['drop', '["ALL"]']], text, lines);
  if (!isMap(caps.value) || getPair(caps.value, 'drop')) return undefined;
  return insertEntry(caps.value, 'drop', '["ALL"]', text, lines);
}

export default defineRule({
  id: 'k8s-capabilities-not-dropped',
  family: 'hardening',
  kinds: ['kubernetes'],
  severity: 'low',
  description: 'A container does not drop all capabilities (`capabilities.drop: ["ALL"]`)',
  cwe: [250],
  fix: 'unsafe',
  check(ctx) {
    const { text, lines } = ctx.file;
    for (const pod of podsOf(ctx.file)) {
      if (pod.windows || pod.partial) continue;
      for (const c of pod.containers) {
        if (c.list === 'ephemeralContainers') continue;
        const sc = c.securityContext;
        if (sc != null && !isMap(sc)) continue;
        // A privileged container has every capability whatever it drops: k8s-privileged reports it.
        if (boolOf(get(sc, 'privileged')) === true) continue;
        const caps = get(sc, 'capabilities');
        if (caps != null && !isMap(caps)) continue;
        const drop = get(caps, 'drop');
        if (drop != null && !isSeq(drop)) continue;
        const list = isSeq(drop) ? drop.items : [];
        if (list.some((d) => !isScalar(d) || isDynamic(d) || String(d.value).toUpperCase() === 'ALL' || String(d.value).toUpperCase() === 'CAP_ALL')) continue;
        const edit = drop === undefined || drop === null ? dropAllEdit(c, text, lines) : undefined;
        const dropsSome = list.length > 0;
        ctx.report({
          range: c.anchor,
          message: `Container '${c.name ?? '?'}' in ${pod.kind} '${pod.name ?? '?'}' ${dropsSome ? 'drops some capabilities but not ALL' : 'does not drop ALL capabilities'}, so it keeps the runtime's defaults (${dropsSome ? 'the rest of them' : 'CHOWN, DAC_OVERRIDE, SETUID, NET_RAW and more'}): an intruder in it can use them to change file ownership, spoof packets or switch users. Set \`securityContext.capabilities.drop: ["ALL"]\` and add back only what the workload needs (such as NET_BIND_SERVICE).`,
          fixes: edit ? [{ title: 'Add capabilities.drop: ["ALL"] to the container securityContext', safety: 'unsafe', edits: [edit] }] : [],
        });
      }
    }
  },
});
