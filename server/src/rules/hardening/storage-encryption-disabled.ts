// Storage without encryption at rest: turned off explicitly, or left at a provider default that is unencrypted
// (low severity), across EBS, RDS/Aurora, EFS, DocumentDB, Neptune, Redshift, ElastiCache, OpenSearch, SNS and SQS.

import { literalAttributes } from '../../models/terraform-checks.js';
import { attribute, type HclBlock, type TerraformFile } from '../../models/terraform.js';
import { oneOf, reportSettings, resourceName, valueOf, type SettingCheck } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

const FALSE = oneOf(false, 'false');
const AWS = 'hashicorp/aws 3.x–6.x';

/** A copy or replica inherits its source's encryption; an explicit KMS key means encryption is on. */
function inherits(...keys: string[]): (r: HclBlock) => boolean {
  return (r) => keys.some((k) => attribute(r.body, k) !== undefined);
}

/** Aurora Serverless v1 clusters are always encrypted. */
function serverlessV1(r: HclBlock, tf: TerraformFile): boolean {
  return valueOf(tf, r, 'engine_mode') === 'serverless';
}

const ENCRYPT = 'Set it to true (with a KMS key you control); the change replaces the resource, so migrate the data';

export const CHECKS: readonly SettingCheck[] = [
  {
    resources: ['aws_ebs_volume'],
    path: ['encrypted'],
    insecure: FALSE,
    secure: 'true',
    problem: "the volume's data and its snapshots are stored unencrypted, readable by anyone who gets a snapshot shared by mistake or copied to another account",
    remedy: ENCRYPT,
    missing: { defaultsTo: 'false (unless the account turns on EBS encryption by default)', provider: AWS, unless: inherits('snapshot_id', 'kms_key_id') },
  },
  {
    resources: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration', 'aws_spot_instance_request'],
    path: ['root_block_device', 'encrypted'],
    insecure: FALSE,
    secure: 'true',
    problem: 'the root volume and its snapshots are stored unencrypted',
    remedy: ENCRYPT,
  },
  {
    resources: ['aws_instance', 'aws_launch_configuration', 'aws_spot_instance_request'],
    path: ['ebs_block_device', 'encrypted'],
    insecure: FALSE,
    secure: 'true',
    problem: 'the volume and its snapshots are stored unencrypted',
    remedy: ENCRYPT,
  },
  {
    resources: ['aws_launch_template'],
    path: ['block_device_mappings', 'ebs', 'encrypted'],
    insecure: FALSE,
    secure: 'true',
    problem: 'volumes launched from the template and their snapshots are stored unencrypted',
    remedy: ENCRYPT,
  },
  {
    resources: ['aws_ebs_encryption_by_default'],
    path: ['enabled'],
    insecure: FALSE,
    secure: 'true',
    problem: 'new EBS volumes and snapshot copies in the region are no longer encrypted unless each one asks for it',
    remedy: 'Set enabled = true',
  },
  {
    resources: ['aws_db_instance'],
    path: ['storage_encrypted'],
    insecure: FALSE,
    secure: 'true',
    problem: 'the database, its automated backups, snapshots and read replicas are stored unencrypted',
    remedy: ENCRYPT,
    missing: { defaultsTo: 'false', provider: AWS, unless: inherits('replicate_source_db', 'snapshot_identifier', 'kms_key_id', 'restore_to_point_in_time', 's3_import') },
  },
  {
    resources: ['aws_rds_cluster'],
    path: ['storage_encrypted'],
    insecure: FALSE,
    secure: 'true',
    problem: 'the cluster volume, backups and snapshots are stored unencrypted',
    remedy: ENCRYPT,
    missing: {
      defaultsTo: 'false for provisioned clusters',
      provider: AWS,
      unless: (r, tf) => serverlessV1(r, tf) || inherits('snapshot_identifier', 'replication_source_identifier', 'kms_key_id', 'global_cluster_identifier', 'restore_to_point_in_time', 's3_import')(r),
    },
  },
  {
    resources: ['aws_docdb_cluster', 'aws_neptune_cluster'],
    path: ['storage_encrypted'],
    insecure: FALSE,
    secure: 'true',
    problem: 'the cluster volume, backups and snapshots are stored unencrypted',
    remedy: ENCRYPT,
    missing: { defaultsTo: 'false', provider: AWS, unless: inherits('snapshot_identifier', 'kms_key_arn', 'kms_key_id', 'global_cluster_identifier', 'replication_source_identifier') },
  },
  {
    resources: ['aws_efs_file_system'],
    path: ['encrypted'],
    insecure: FALSE,
    secure: 'true',
    problem: 'the file system and its backups are stored unencrypted',
    remedy: ENCRYPT,
    missing: { defaultsTo: 'false', provider: AWS, unless: inherits('kms_key_id') },
  },
  {
    resources: ['aws_redshift_cluster'],
    path: ['encrypted'],
    insecure: FALSE,
    secure: 'true',
    problem: 'the cluster and its snapshots are stored unencrypted',
    remedy: ENCRYPT,
  },
  {
    resources: ['aws_elasticache_replication_group'],
    path: ['at_rest_encryption_enabled'],
    insecure: FALSE,
    secure: 'true',
    problem: 'cached data on disk (swap, backups and snapshots) is stored unencrypted',
    remedy: ENCRYPT,
    missing: {
      defaultsTo: 'false for Redis OSS',
      provider: AWS,
      unless: (r, tf) => inherits('kms_key_id', 'snapshot_arns', 'snapshot_name', 'global_replication_group_id')(r) || valueOf(tf, r, 'engine') === 'valkey',
    },
  },
  {
    resources: ['aws_elasticsearch_domain', 'aws_opensearch_domain'],
    path: ['encrypt_at_rest', 'enabled'],
    insecure: FALSE,
    secure: 'true',
    problem: 'indexes, logs, swap and automated snapshots are stored unencrypted',
    remedy: ENCRYPT,
  },
  {
    resources: ['aws_sqs_queue'],
    path: ['sqs_managed_sse_enabled'],
    insecure: FALSE,
    secure: 'true',
    problem: 'messages are stored unencrypted',
    remedy: 'Remove it (SQS-managed encryption is the default) or set kms_master_key_id',
    when: (r) => attribute(r.body, 'kms_master_key_id') === undefined,
  },
  {
    resources: ['aws_sns_topic'],
    path: ['kms_master_key_id'],
    insecure: () => false,
    secure: '"alias/aws/sns"',
    problem: 'messages are stored unencrypted (SNS encrypts a topic only when it has a KMS key)',
    remedy: 'Set kms_master_key_id to a KMS key (your own, or alias/aws/sns)',
    missing: { defaultsTo: 'no key (unencrypted)', provider: AWS },
  },
];

const TABLED = new Set(CHECKS.flatMap((c) => c.resources));
export default defineRule({
  id: 'storage-encryption-disabled',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'Encryption at rest is off: set to false, or left at a provider default that does not encrypt (low)',
  cwe: [311],
  fix: 'unsafe',
  check(ctx) {
    reportSettings(ctx, CHECKS);
    const tf = ctx.file.terraform;
    if (!tf) return;
    // Other resources: a literal `encrypted = false` / `storage_encrypted = false` at any depth.
    for (const block of tf.blocksOfType('resource')) {
      if (TABLED.has(block.labels[0]?.value ?? '')) continue;
      for (const key of ['encrypted', 'storage_encrypted']) {
        for (const attr of literalAttributes(block, key, false, true)) {
          ctx.report({
            range: attr.value.range,
            message: `${resourceName(block)} sets ${key} = false: its data, snapshots and backups are stored unencrypted, readable by anyone who gets the disk, a snapshot shared by mistake, or the backup. ${ENCRYPT}.`,
            fixes: [{ title: `Set ${key} = true`, safety: 'unsafe', edits: [{ range: attr.value.range, newText: 'true' }] }],
          });
        }
      }
    }
  },
});
