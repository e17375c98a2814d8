// VPCs whose traffic is never logged: an `aws_vpc` that no `aws_flow_log` of its module refers to, and GCP subnets
// without `log_config`. Without flow logs, an intrusion's network traffic cannot be investigated afterwards.

import type { HclBlock, HclBody } from '../../models/terraform.js';
import { attribute, blocksOf } from '../../models/terraform.js';
import { insertIntoBlock } from '../../models/terraform-checks.js';
import { resourceName, valueOf } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

/** What flow logs in a body log: the VPC names they refer to, or `*` when one refers to something not known here. */
function flowLogTargets(body: HclBody, text: string, into: Set<string>): void {
  for (const b of body.items) {
    if (b.kind !== 'block' || b.type !== 'resource' || b.labels[0]?.value !== 'aws_flow_log') continue;
    const vpc = attribute(b.body, 'vpc_id');
    if (!vpc) continue;
    const ref = /^aws_vpc\.([A-Za-z_][\w-]*)\.id$/.exec(text.slice(vpc.value.range.start, vpc.value.range.end));
    into.add(ref ? ref[1]! : '*');
  }
}

/** Subnets for proxies and load balancers do not support flow logs. */
function loggable(tf: Parameters<typeof valueOf>[0], r: HclBlock): boolean {
  const purpose = valueOf(tf, r, 'purpose');
  return purpose === undefined || purpose === 'PRIVATE' || purpose === 'PRIVATE_RFC_1918';
}

export default defineRule({
  id: 'vpc-flow-logs-missing',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'low',
  description: 'A VPC or GCP subnet has no flow logs',
  cwe: [778],
  fix: 'unsafe',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    const vpcs = tf.blocksOfType('resource', 'aws_vpc');
    if (vpcs.length > 0) {
      const logged = new Set<string>();
      flowLogTargets(tf.body, tf.text, logged);
      for (const f of tf.values.siblings()) flowLogTargets(f.hcl.body, f.text, logged);
      if (!logged.has('*')) {
        for (const v of vpcs) {
          if (!v.closed || logged.has(v.labels[1]?.value ?? '')) continue;
          ctx.report({
            range: v.labels[0]?.range ?? v.typeRange,
            message: `${resourceName(v)} has no aws_flow_log in its module: its network traffic is not recorded, so after an intrusion nobody can tell what talked to what or where data went. Add an aws_flow_log with vpc_id = aws_vpc.${v.labels[1]?.value ?? 'this'}.id (to CloudWatch Logs or S3).`,
          });
        }
      }
    }
    for (const s of tf.blocksOfType('resource', 'google_compute_subnetwork')) {
      if (!s.closed || !loggable(tf, s)) continue;
      if (blocksOf(s.body, 'log_config').length > 0 || blocksOf(s.body, 'dynamic').some((d) => d.labels[0]?.value === 'log_config')) continue;
      const edit = insertIntoBlock(tf.text, s, ['log_config {', '  aggregation_interval = "INTERVAL_5_SEC"', '}']);
      ctx.report({
        range: s.labels[0]?.range ?? s.typeRange,
        message: `${resourceName(s)} has no log_config, so VPC flow logs are off (hashicorp/google 4.x–6.x): the subnet's traffic is not recorded for investigation. Add a log_config block.`,
        fixes: edit ? [{ title: 'Add log_config (flow logs every 5 seconds)', safety: 'unsafe', edits: [edit] }] : [],
      });
    }
  },
});
