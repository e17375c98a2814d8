// Traffic allowed in plaintext: HTTP listeners that serve instead of redirecting, CloudFront allowing HTTP, App Service
// without HTTPS only, storage and caches with their non-TLS endpoints on, databases that accept unencrypted
// connections, ElastiCache / OpenSearch / MSK without encryption in transit.

import { attribute, blocksOf, type HclBlock, type TerraformFile } from '../../models/terraform.js';
import { oneOf, reportSettings, resourceName, valueOf, type SettingCheck } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

const TRUE = oneOf(true, 'true');
const FALSE = oneOf(false, 'false');
const SNIFF = 'anyone on the network path (Wi-Fi, a compromised router, a cloud neighbour) can read and change the traffic, including credentials and session cookies';
const AWS = 'hashicorp/aws 3.x–6.x';

const CHECKS: readonly SettingCheck[] = [
  {
    resources: ['aws_cloudfront_distribution'],
    path: ['default_cache_behavior', 'viewer_protocol_policy'],
    insecure: oneOf('allow-all'),
    secure: '"redirect-to-https"',
    problem: `viewers may use plain HTTP: ${SNIFF}`,
    remedy: 'Use "redirect-to-https" or "https-only"',
  },
  {
    resources: ['aws_cloudfront_distribution'],
    path: ['ordered_cache_behavior', 'viewer_protocol_policy'],
    insecure: oneOf('allow-all'),
    secure: '"redirect-to-https"',
    problem: `viewers may use plain HTTP: ${SNIFF}`,
    remedy: 'Use "redirect-to-https" or "https-only"',
  },
  {
    resources: ['aws_cloudfront_distribution'],
    path: ['origin', 'custom_origin_config', 'origin_protocol_policy'],
    insecure: oneOf('http-only'),
    secure: '"https-only"',
    problem: `CloudFront fetches from the origin over plain HTTP: ${SNIFF}`,
    remedy: 'Use "https-only" with a certificate on the origin',
  },
  {
    resources: ['aws_elasticache_replication_group'],
    path: ['transit_encryption_enabled'],
    insecure: FALSE,
    secure: 'true',
    problem: `clients and replicas talk to the cache in plaintext: ${SNIFF}`,
    remedy: 'Set it to true (with an auth token or RBAC users); existing clients must connect with TLS',
    missing: { defaultsTo: 'false', provider: AWS, unless: (r, tf) => valueOf(tf, r, 'global_replication_group_id') !== undefined },
  },
  {
    resources: ['aws_elasticsearch_domain', 'aws_opensearch_domain'],
    path: ['domain_endpoint_options', 'enforce_https'],
    insecure: FALSE,
    secure: 'true',
    problem: `the domain accepts plain HTTP: ${SNIFF}`,
    remedy: 'Set enforce_https = true',
  },
  {
    resources: ['aws_elasticsearch_domain', 'aws_opensearch_domain'],
    path: ['node_to_node_encryption', 'enabled'],
    insecure: FALSE,
    secure: 'true',
    problem: 'data moves between the cluster nodes in plaintext',
    remedy: 'Set it to true',
  },
  {
    resources: ['aws_msk_cluster'],
    path: ['encryption_info', 'encryption_in_transit', 'client_broker'],
    insecure: oneOf('PLAINTEXT', 'TLS_PLAINTEXT'),
    secure: '"TLS"',
    problem: `clients may produce and consume in plaintext: ${SNIFF}`,
    remedy: 'Use "TLS"',
  },
  {
    resources: ['aws_msk_cluster'],
    path: ['encryption_info', 'encryption_in_transit', 'in_cluster'],
    insecure: FALSE,
    secure: 'true',
    problem: 'data moves between brokers in plaintext',
    remedy: 'Set it to true',
  },
  {
    resources: ['azurerm_app_service', 'azurerm_function_app', 'azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_linux_function_app', 'azurerm_windows_function_app'],
    path: ['https_only'],
    insecure: FALSE,
    secure: 'true',
    problem: `the app answers plain HTTP: ${SNIFF}`,
    remedy: 'Set https_only = true (HTTP requests are then redirected to HTTPS)',
    missing: { defaultsTo: 'false', provider: 'hashicorp/azurerm 3.x–4.x' },
  },
  {
    resources: ['azurerm_storage_account'],
    path: ['enable_https_traffic_only'],
    insecure: FALSE,
    secure: 'true',
    problem: `the account accepts plain HTTP: ${SNIFF}, and shared keys or SAS tokens in requests travel in the clear`,
    remedy: 'Set it to true (azurerm 4.x: https_traffic_only_enabled)',
  },
  {
    resources: ['azurerm_storage_account'],
    path: ['https_traffic_only_enabled'],
    insecure: FALSE,
    secure: 'true',
    problem: `the account accepts plain HTTP: ${SNIFF}, and shared keys or SAS tokens in requests travel in the clear`,
    remedy: 'Set it to true',
  },
  {
    resources: ['azurerm_redis_cache'],
    path: ['enable_non_ssl_port'],
    insecure: TRUE,
    secure: 'false',
    problem: `port 6379 takes plaintext connections: ${SNIFF}, the access key included`,
    remedy: 'Set it to false and connect on 6380 with TLS (azurerm 4.x: non_ssl_port_enabled)',
  },
  {
    resources: ['azurerm_redis_cache'],
    path: ['non_ssl_port_enabled'],
    insecure: TRUE,
    secure: 'false',
    problem: `port 6379 takes plaintext connections: ${SNIFF}, the access key included`,
    remedy: 'Set it to false and connect on 6380 with TLS',
  },
  {
    resources: ['azurerm_mysql_server', 'azurerm_postgresql_server', 'azurerm_mariadb_server'],
    path: ['ssl_enforcement_enabled'],
    insecure: FALSE,
    secure: 'true',
    problem: `the server accepts unencrypted connections: ${SNIFF}, passwords included`,
    remedy: 'Set it to true',
  },
  {
    resources: ['google_sql_database_instance'],
    path: ['settings', 'ip_configuration', 'require_ssl'],
    insecure: FALSE,
    secure: 'true',
    problem: `the instance accepts unencrypted connections: ${SNIFF}, passwords included`,
    remedy: 'Set ssl_mode = "ENCRYPTED_ONLY" (or TRUSTED_CLIENT_CERTIFICATE_REQUIRED); require_ssl is deprecated',
  },
  {
    resources: ['google_sql_database_instance'],
    path: ['settings', 'ip_configuration', 'ssl_mode'],
    insecure: oneOf('ALLOW_UNENCRYPTED_AND_ENCRYPTED'),
    secure: '"ENCRYPTED_ONLY"',
    problem: `the instance accepts unencrypted connections: ${SNIFF}, passwords included`,
    remedy: 'Use "ENCRYPTED_ONLY" (or TRUSTED_CLIENT_CERTIFICATE_REQUIRED)',
    missing: {
      defaultsTo: 'ALLOW_UNENCRYPTED_AND_ENCRYPTED',
      provider: 'hashicorp/google 5.x–6.x',
      unless: (r, tf) => sqlRequiresSsl(r, tf),
    },
  },
];

/** `require_ssl = true` (the older setting) or a private-only instance answers the missing ssl_mode. */
function sqlRequiresSsl(r: HclBlock, tf: TerraformFile): boolean {
  for (const s of blocksOf(r.body, 'settings')) {
    for (const ip of blocksOf(s.body, 'ip_configuration')) {
      if (valueOf(tf, ip, 'require_ssl') !== undefined) return true;
      if (valueOf(tf, ip, 'ipv4_enabled') === false) return true;
    }
    if (blocksOf(s.body, 'dynamic').some((d) => d.labels[0]?.value === 'ip_configuration')) return true;
  }
  return blocksOf(r.body, 'dynamic').some((d) => d.labels[0]?.value === 'settings');
}

/** An HTTP listener whose default action serves (forward, authenticate) instead of redirecting or answering fixed. */
function httpListeners(tf: TerraformFile, r: HclBlock): HclBlock[] {
  if (valueOf(tf, r, 'protocol') !== 'HTTP') return [];
  return blocksOf(r.body, 'default_action').filter((a) => {
    const type = valueOf(tf, a, 'type');
    return type === 'forward' || (type === undefined && attribute(a.body, 'target_group_arn') !== undefined);
  });
}

export default defineRule({
  id: 'plaintext-transport-allowed',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'An endpoint allows unencrypted traffic: HTTP that is served, not redirected, or TLS off (set so, or left at that default: low)',
  cwe: [319],
  fix: 'unsafe',
  check(ctx) {
    reportSettings(ctx, CHECKS);
    const tf = ctx.file.terraform;
    if (!tf) return;
    for (const r of [...tf.blocksOfType('resource', 'aws_lb_listener'), ...tf.blocksOfType('resource', 'aws_alb_listener')]) {
      if (httpListeners(tf, r).length === 0) continue;
      const protocol = tf.values.resolve(attribute(r.body, 'protocol')!.value);
      ctx.report({
        range: protocol.range,
        message: `${resourceName(r)} serves plain HTTP${protocol.origin ? ` (${protocol.origin})` : ''}: its default action forwards instead of redirecting, so ${SNIFF}. Make this listener redirect to HTTPS (default_action type "redirect", protocol = "HTTPS", status_code = "HTTP_301") and serve from an HTTPS listener.`,
      });
    }
  },
});
