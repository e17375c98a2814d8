// docker-compose services that add powerful Linux capabilities (`ALL`, `SYS_ADMIN`, `NET_ADMIN`, …).

import { isScalar } from 'yaml';
import { servicesOf } from '../../models/compose.js';
import { get, items, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';
import { capabilityName, DANGEROUS_CAPABILITIES } from './k8s-dangerous-capabilities.js';

export default defineRule({
  id: 'compose-dangerous-capabilities',
  family: 'hardening',
  kinds: ['compose'],
  severity: 'high',
  description: 'A Compose service adds a dangerous Linux capability',
  cwe: [250],
  fix: 'none',
  check(ctx) {
    for (const svc of servicesOf(ctx.file)) {
      for (const item of items(get(svc.node, 'cap_add'))) {
        if (!isScalar(item)) continue;
        const cap = capabilityName(item.value);
        if (cap === undefined || !DANGEROUS_CAPABILITIES.has(cap)) continue;
        ctx.report({
          range: rangeOf(item)!,
          message: `Service '${svc.name}' adds the ${cap} capability, which gives a process in it near-root power over the host (mounting filesystems, changing the network, loading modules or reading any process). Drop it, or add only the narrow capability the service needs.`,
        });
      }
    }
  },
});
