// Kubernetes pods sharing the node's namespaces: `hostPID`, `hostIPC` or `hostNetwork` set to true.

import { isScalar } from 'yaml';
import { boolOf, helmValuesOf, podsOf } from '../../models/kubernetes.js';
import { getPair, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const WHAT: Readonly<Record<string, string>> = {
  hostPID: "sees and can signal or ptrace every process on the node, and read their environment (including other pods' secrets)",
  hostIPC: 'shares shared memory and IPC objects with every process on the node',
  hostNetwork: "uses the node's network stack: it can bind node ports, reach services listening on localhost (kubelet, cloud metadata) and sniff node traffic",
};

export default defineRule({
  id: 'k8s-host-namespaces',
  family: 'hardening',
  kinds: ['kubernetes'],
  severity: 'high',
  description: "A pod shares the node's PID, IPC or network namespace",
  cwe: [250, 653],
  fix: 'none',
  check(ctx) {
    for (const pod of podsOf(ctx.file)) {
      for (const key of ['hostPID', 'hostIPC', 'hostNetwork']) {
        const pair = getPair(pod.spec, key);
        if (!pair || boolOf(pair.value) !== true || !isScalar(pair.key)) continue;
        ctx.report({
          range: rangeOf(pair.key)!,
          message: `${pod.kind} '${pod.name ?? '?'}' sets ${key}: true, so it ${WHAT[key]}. Remove it unless the workload is a node agent that needs it.`,
        });
      }
    }
    for (const flag of helmValuesOf(ctx.file)?.hostFlags ?? []) {
      if (boolOf(flag.pair.value) !== true || !isScalar(flag.pair.key)) continue;
      ctx.report({
        range: rangeOf(flag.pair.key)!,
        message: `The chart value '${flag.path}: true' (copied into pods by the templates) makes the pod share the node's namespace: it ${WHAT[flag.key]}. Default it to false unless the chart deploys a node agent that needs it.`,
      });
    }
  },
});
