// docker-compose services that switch off seccomp, AppArmor or SELinux confinement in `security_opt`.

import { isScalar } from 'yaml';
import { literalString, servicesOf } from '../../models/compose.js';
import { get, items, rangeOf } from '../../models/yaml-nodes.js';
import { defineRule } from '../define.js';

/** `seccomp:unconfined`, `apparmor=unconfined`, `label:disable`, `systempaths=unconfined`. */
const UNCONFINED = /^(seccomp|apparmor|systempaths)[:=]unconfined$|^label[:=]disable$/i;

export default defineRule({
  id: 'compose-unconfined-security',
  family: 'hardening',
  kinds: ['compose'],
  severity: 'high',
  description: 'A Compose service disables seccomp, AppArmor or SELinux confinement',
  cwe: [250, 693],
  fix: 'none',
  check(ctx) {
    for (const svc of servicesOf(ctx.file)) {
      for (const item of items(get(svc.node, 'security_opt'))) {
        const v = literalString(item);
        if (v === undefined || !isScalar(item) || !UNCONFINED.test(v.trim())) continue;
        ctx.report({
          range: rangeOf(item)!,
          message: `Service '${svc.name}' sets security_opt '${v}': it removes a kernel-level confinement layer (system-call filter, mandatory access control) that blocks most container-escape techniques. Remove it, or use a custom profile that allows only what the service needs.`,
        });
      }
    }
  },
});
