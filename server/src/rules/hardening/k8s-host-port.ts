// Kubernetes containers that bind a port of the node (`ports[].hostPort`): the pod is reachable on every node address it runs on.

import { boolOf, intOf, podsOf } from '../../models/kubernetes.js';
import { get, items, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'k8s-host-port',
  family: 'hardening',
  kinds: ['kubernetes'],
  severity: 'low',
  description: 'A container binds a port of the node (`hostPort`)',
  cwe: [668],
  fix: 'none',
  check(ctx) {
    for (const pod of podsOf(ctx.file)) {
      // With hostNetwork every port is the node's: k8s-host-namespaces reports that.
      if (boolOf(get(pod.spec, 'hostNetwork')) === true) continue;
      for (const c of pod.containers) {
        for (const port of items(get(c.node, 'ports'))) {
          const v = get(port, 'hostPort');
          const n = intOf(v);
          if (n === undefined || n === 0) continue;
          ctx.report({
            range: rangeOf(v)!,
            message: `Container '${c.name ?? '?'}' in ${pod.kind} '${pod.name ?? '?'}' binds port ${n} of the node (hostPort): the pod answers on the node's own address, outside the Service and often outside NetworkPolicies, and only one such pod fits per node. Expose it through a Service (NodePort or LoadBalancer) or an Ingress instead, unless it must own that node port.`,
          });
        }
      }
    }
  },
});
