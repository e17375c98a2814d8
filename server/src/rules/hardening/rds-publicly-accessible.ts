// Databases reachable from the internet: `publicly_accessible = true` on RDS, Redshift and DMS.

import { literalAttributes, replaceValue, resources } from '../../models/terraform-checks.js';
import { defineRule } from '../define.js';

const TYPES = new Set(['aws_db_instance', 'aws_rds_cluster_instance', 'aws_redshift_cluster', 'aws_dms_replication_instance']);

export default defineRule({
  id: 'rds-publicly-accessible',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'high',
  description: 'A database instance is publicly accessible',
  cwe: [668],
  fix: 'unsafe',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    for (const r of resources(tf, TYPES)) {
      for (const attr of literalAttributes(r.block, 'publicly_accessible', true)) {
        const edit = replaceValue(attr, false);
        ctx.report({
          range: attr.value.range,
          message: `${r.type} '${r.name}' sets publicly_accessible = true: the database gets a public IP and DNS name, so only its security group and password stand between it and internet-wide scanning and brute force. Set it to false and connect from inside the VPC.`,
          fixes: edit ? [{ title: 'Set publicly_accessible = false', safety: 'unsafe', edits: [edit] }] : [],
        });
      }
    }
  },
});
