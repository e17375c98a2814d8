// Kubernetes containers with `securityContext.privileged: true`, or Windows `hostProcess: true`: the container gets the node.

import { isScalar } from 'yaml';
import type { Range } from '../../core/types.js';
import { boolOf, helmValuesOf, podsOf } from '../../models/kubernetes.js';
import { get, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const PRIVILEGED = 'it gets all capabilities and the host\'s devices, so a compromise of the container is a compromise of the node. Set `privileged: false` and grant only the capabilities it needs.';
const HOST_PROCESS = 'it runs as a process on the Windows node itself, with the node\'s file system, network and (as SYSTEM or an administrator) full control of it. Remove `hostProcess: true` unless this is a node agent that must manage the node.';

export default defineRule({
  id: 'k8s-privileged',
  family: 'hardening',
  kinds: ['kubernetes'],
  severity: 'high',
  description: 'A container runs privileged (or as a Windows HostProcess container)',
  cwe: [250, 269],
  fix: 'unsafe',
  check(ctx) {
    const report = (v: unknown, who: string, what: 'privileged' | 'hostProcess'): void => {
      if (boolOf(v) !== true || !isScalar(v)) return;
      const range: Range = rangeOf(v)!;
      ctx.report({
        range,
        message: what === 'privileged' ? `${who} runs privileged: ${PRIVILEGED}` : `${who} is a HostProcess container (windowsOptions.hostProcess: true): ${HOST_PROCESS}`,
        fixes: [{ title: `Set ${what}: false`, safety: 'unsafe', edits: [{ range, newText: 'false' }] }],
      });
    };
    for (const pod of podsOf(ctx.file)) {
      const where = `${pod.kind} '${pod.name ?? '?'}'`;
      report(get(get(pod.securityContext, 'windowsOptions'), 'hostProcess'), `Every container of ${where}`, 'hostProcess');
      for (const c of pod.containers) {
        const who = `Container '${c.name ?? '?'}' in ${where}`;
        report(get(c.securityContext, 'privileged'), who, 'privileged');
        report(get(get(c.securityContext, 'windowsOptions'), 'hostProcess'), who, 'hostProcess');
      }
    }
    for (const sc of helmValuesOf(ctx.file)?.securityContexts ?? []) {
      const who = `The chart value '${sc.path}' (copied into pods by the templates) says the container`;
      report(get(sc.node, 'privileged'), who, 'privileged');
      report(get(get(sc.node, 'windowsOptions'), 'hostProcess'), who, 'hostProcess');
    }
  },
});
