// docker-compose services with `privileged: true`: the container gets every device and capability of the host.

import { isScalar } from 'yaml';
import { servicesOf } from '../../models/compose.js';
import { get, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

export default defineRule({
  id: 'compose-privileged',
  family: 'hardening',
  kinds: ['compose'],
  severity: 'high',
  description: 'A Compose service runs privileged',
  cwe: [250, 269],
  fix: 'unsafe',
  check(ctx) {
    for (const svc of servicesOf(ctx.file)) {
      const v = get(svc.node, 'privileged');
      // Compose casts quoted booleans (`"true"`, written that way for interpolation) too.
      if (!isScalar(v) || !(v.value === true || (typeof v.value === 'string' && v.value.toLowerCase() === 'true'))) continue;
      const range = rangeOf(v)!;
      ctx.report({
        range,
        message: `Service '${svc.name}' runs privileged: it gets all capabilities and the host's devices, so a compromise of the container is a compromise of the host. Set \`privileged: false\` and add only the capabilities (\`cap_add\`) or devices it needs.`,
        fixes: [{ title: 'Set privileged: false', safety: 'unsafe', edits: [{ range, newText: 'false' }] }],
      });
    }
  },
});
