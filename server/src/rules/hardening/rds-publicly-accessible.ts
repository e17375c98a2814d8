// Databases and brokers reachable from the internet: `publicly_accessible = true` on RDS, Aurora, Redshift, Neptune,
// DMS and Amazon MQ, literal or from a variable default, tfvars file or local.

import { oneOf, reportSettings, type SettingCheck } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

const CHECKS: readonly SettingCheck[] = [
  {
    resources: ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_redshift_cluster', 'aws_neptune_cluster_instance', 'aws_dms_replication_instance', 'aws_mq_broker'],
    path: ['publicly_accessible'],
    insecure: oneOf(true, 'true'),
    secure: 'false',
    problem: 'it gets a public IP and DNS name, so only its security group and password stand between it and internet-wide scanning and brute force',
    remedy: 'Set it to false and connect from inside the VPC (a bastion, VPN or SSM port forwarding)',
  },
];

export default defineRule({
  id: 'rds-publicly-accessible',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'high',
  description: 'A database instance is publicly accessible',
  cwe: [668],
  fix: 'unsafe',
  check(ctx) {
    reportSettings(ctx, CHECKS);
  },
});
