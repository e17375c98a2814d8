// docker-compose services sharing the host's namespaces: `network_mode: host`, `pid: host`, `ipc: host`.

import { literalString, servicesOf } from '../../models/compose.js';
import { getPair, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

const WHAT: Readonly<Record<string, string>> = {
  network_mode: "uses the host's network stack: it can reach services bound to the host's localhost and bind any host port",
  pid: 'sees and can signal or trace every process on the host',
  ipc: "shares the host's shared memory and IPC objects",
};

export default defineRule({
  id: 'compose-host-namespaces',
  family: 'hardening',
  kinds: ['compose'],
  severity: 'high',
  description: "A Compose service shares the host's network, PID or IPC namespace",
  cwe: [250, 653],
  fix: 'none',
  check(ctx) {
    for (const svc of servicesOf(ctx.file)) {
      for (const key of ['network_mode', 'pid', 'ipc']) {
        const pair = getPair(svc.node, key);
        if (!pair || literalString(pair.value) !== 'host') continue;
        ctx.report({
          range: rangeOf(pair.value)!,
          message: `Service '${svc.name}' sets ${key}: host, so it ${WHAT[key]}. Remove it unless the service is a host agent that needs it.`,
        });
      }
    }
  },
});
