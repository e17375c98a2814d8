// GCP IAM grants of the basic roles `roles/owner` and `roles/editor`, which cover nearly every service.

import { attribute, blocksOf, stringValue } from '../../models/terraform.js';
import { defineRule } from '../define.js';

const BASIC = new Set(['roles/owner', 'roles/editor']);

export default defineRule({
  id: 'gcp-basic-role',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'A GCP IAM grant uses the basic role `roles/owner` or `roles/editor`',
  cwe: [269],
  fix: 'none',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    const roles: { attr: NonNullable<ReturnType<typeof attribute>>; where: string }[] = [];
    for (const r of tf.blocksOfType('resource')) {
      const type = r.labels[0]?.value ?? '';
      if (!/^google_(project|folder|organization)_iam_(member|binding)$/.test(type)) continue;
      const a = attribute(r.body, 'role');
      if (a) roles.push({ attr: a, where: `${type} '${r.labels[1]?.value ?? '?'}'` });
    }
    for (const d of tf.blocksOfType('data', 'google_iam_policy')) {
      for (const b of blocksOf(d.body, 'binding')) {
        const a = attribute(b.body, 'role');
        if (a) roles.push({ attr: a, where: `data google_iam_policy '${d.labels[1]?.value ?? '?'}'` });
      }
    }
    for (const { attr, where } of roles) {
      const role = stringValue(attr.value);
      if (role === undefined || !BASIC.has(role)) continue;
      ctx.report({
        range: attr.value.range,
        message: `${where} grants '${role}', a basic role that covers almost every service in the ${role === 'roles/owner' ? 'resource, including IAM itself' : 'resource (create, change and delete nearly anything)'}: a compromise of the member is a compromise of the project. Grant predefined or custom roles for the services the member uses.`,
      });
    }
  },
});
