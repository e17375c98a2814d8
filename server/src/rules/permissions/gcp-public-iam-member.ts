// GCP grants to `allUsers` or `allAuthenticatedUsers`: IAM members and bindings, IAM policy documents, Cloud Storage
// ACLs and BigQuery dataset access — anyone on the internet, or anyone with a Google account.

import type { Range } from '../../core/types.js';
import { attribute, blocksOf, literal, type HclExpr, type TerraformFile } from '../../models/terraform.js';
import { resourceName } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

const PUBLIC = new Set(['allUsers', 'allAuthenticatedUsers']);

interface Hit {
  readonly value: string;
  readonly range: Range;
  readonly origin: string | undefined;
}

/** Public members in a string or list, after following variables; `READER:allUsers` ACL entries too. */
function publicMembers(tf: TerraformFile, expr: HclExpr | undefined, acl = false): Hit[] {
  if (!expr) return [];
  const out: Hit[] = [];
  for (const item of tf.values.items(tf.values.resolve(expr))) {
    const v = literal(item.expr);
    if (typeof v !== 'string') continue;
    const member = acl ? v.slice(v.indexOf(':') + 1) : v;
    if (PUBLIC.has(member)) out.push({ value: member, range: item.range, origin: item.origin });
  }
  return out;
}

const ACL_ENTITY = new Set(['google_storage_bucket_access_control', 'google_storage_object_access_control', 'google_storage_default_object_access_control']);
const ACL_LIST = new Set(['google_storage_bucket_acl', 'google_storage_default_object_acl', 'google_storage_object_acl']);

export default defineRule({
  id: 'gcp-public-iam-member',
  family: 'permissions',
  kinds: ['terraform'],
  severity: 'high',
  description: 'A GCP IAM grant, Cloud Storage ACL or BigQuery dataset access goes to `allUsers` or `allAuthenticatedUsers`',
  cwe: [284, 732],
  fix: 'none',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    const hits: (Hit & { where: string })[] = [];
    for (const r of tf.blocksOfType('resource')) {
      const type = r.labels[0]?.value ?? '';
      const where = resourceName(r);
      const add = (list: Hit[]): void => void hits.push(...list.map((h) => ({ ...h, where })));
      if (/^google_.*_iam_(member|binding)$/.test(type)) {
        add(publicMembers(tf, attribute(r.body, 'member')?.value));
        add(publicMembers(tf, attribute(r.body, 'members')?.value));
      } else if (ACL_ENTITY.has(type)) add(publicMembers(tf, attribute(r.body, 'entity')?.value));
      else if (ACL_LIST.has(type)) add(publicMembers(tf, attribute(r.body, 'role_entity')?.value, true));
      else if (type === 'google_bigquery_dataset' || type === 'google_bigquery_dataset_access') {
        const holders = type === 'google_bigquery_dataset' ? blocksOf(r.body, 'access') : [r];
        for (const a of holders) {
          add(publicMembers(tf, attribute(a.body, 'special_group')?.value));
          add(publicMembers(tf, attribute(a.body, 'iam_member')?.value));
        }
      }
    }
    for (const d of tf.blocksOfType('data', 'google_iam_policy')) {
      const where = `data google_iam_policy '${d.labels[1]?.value ?? '?'}'`;
      for (const b of blocksOf(d.body, 'binding')) hits.push(...publicMembers(tf, attribute(b.body, 'members')?.value).map((h) => ({ ...h, where })));
    }
    for (const h of hits) {
      ctx.report({
        range: h.range,
        message: `${h.where} grants access to '${h.value}'${h.origin ? ` (${h.origin})` : ''}: ${h.value === 'allUsers' ? 'anyone on the internet, without signing in' : 'anyone with any Google account'} gets it on the resource. Grant it to specific users, groups or service accounts instead.`,
      });
    }
  },
});
