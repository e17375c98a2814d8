// Endpoints that accept TLS 1.0 or 1.1: load balancer and CloudFront security policies, OpenSearch, API Gateway
// domains, Azure SQL, MySQL, PostgreSQL, Redis and App Service, GCP SSL policies.

import type { HclBlock, TerraformFile } from '../../models/terraform.js';
import { oneOf, reportSettings, valueOf, type SettingCheck } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

const OLD = 'clients may connect with TLS 1.0 or 1.1, which have known weaknesses (BEAST, POODLE-style downgrades, weak ciphers) and are deprecated';

/**
 * ELB security policies that allow TLS 1.0 or 1.1. Names give the minimum (`TLS13-1-2`, `TLS-1-1`, `FS-1-2`); the
 * undated-version ones (`2016-08`, `2015-05`, `FS-2018-06`) all start at TLS 1.0.
 */
export function elbPolicyAllowsOldTls(name: string): boolean {
  if (!name.startsWith('ELBSecurityPolicy-')) return false;
  const m = /(?:TLS13|TLS|FS)-1-(\d)/.exec(name);
  return m ? Number(m[1]) < 2 : true;
}

function tlsListener(r: HclBlock, tf: TerraformFile): boolean {
  const p = valueOf(tf, r, 'protocol');
  return p === 'HTTPS' || p === 'TLS';
}

/** CloudFront's default certificate always allows TLSv1: the minimum only applies to your own certificate. */
function ownCertificate(r: HclBlock, tf: TerraformFile): boolean {
  return valueOf(tf, r, 'cloudfront_default_certificate') !== true;
}

const AZURE_OLD = oneOf('1.0', '1.1', 'TLS1_0', 'TLS1_1', 'Disabled', 'TLSEnforcementDisabled');

const CHECKS: readonly SettingCheck[] = [
  {
    resources: ['aws_lb_listener', 'aws_alb_listener'],
    path: ['ssl_policy'],
    insecure: (v) => typeof v === 'string' && elbPolicyAllowsOldTls(v),
    secure: '"ELBSecurityPolicy-TLS13-1-2-2021-06"',
    problem: OLD,
    remedy: 'Use "ELBSecurityPolicy-TLS13-1-2-2021-06" (or another TLS 1.2+ policy)',
    when: tlsListener,
    missing: { defaultsTo: '"ELBSecurityPolicy-2016-08" (TLS 1.0+)', provider: 'hashicorp/aws 3.x–6.x' },
  },
  {
    resources: ['aws_cloudfront_distribution'],
    path: ['viewer_certificate', 'minimum_protocol_version'],
    insecure: oneOf('SSLv3', 'TLSv1', 'TLSv1_2016', 'TLSv1.1_2016'),
    secure: '"TLSv1.2_2021"',
    problem: OLD,
    remedy: 'Use "TLSv1.2_2021"',
    when: (r, tf) => r.body.items.some((b) => b.kind === 'block' && b.type === 'viewer_certificate' && ownCertificate(b, tf)),
  },
  {
    resources: ['aws_elasticsearch_domain', 'aws_opensearch_domain'],
    path: ['domain_endpoint_options', 'tls_security_policy'],
    insecure: oneOf('Policy-Min-TLS-1-0-2019-07'),
    secure: '"Policy-Min-TLS-1-2-2019-07"',
    problem: OLD,
    remedy: 'Use "Policy-Min-TLS-1-2-2019-07" (or Policy-Min-TLS-1-2-PFS-2023-10)',
  },
  {
    resources: ['aws_api_gateway_domain_name'],
    path: ['security_policy'],
    insecure: oneOf('TLS_1_0'),
    secure: '"TLS_1_2"',
    problem: OLD,
    remedy: 'Use "TLS_1_2"',
  },
  {
    resources: ['azurerm_mssql_server', 'azurerm_sql_server'],
    path: ['minimum_tls_version'],
    insecure: AZURE_OLD,
    secure: '"1.2"',
    problem: OLD,
    remedy: 'Set "1.2"',
  },
  {
    resources: ['azurerm_mysql_server', 'azurerm_postgresql_server'],
    path: ['ssl_minimal_tls_version_enforced'],
    insecure: AZURE_OLD,
    secure: '"TLS1_2"',
    problem: OLD,
    remedy: 'Set "TLS1_2"',
  },
  {
    resources: ['azurerm_redis_cache'],
    path: ['minimum_tls_version'],
    insecure: AZURE_OLD,
    secure: '"1.2"',
    problem: OLD,
    remedy: 'Set "1.2"',
  },
  {
    resources: ['azurerm_app_service', 'azurerm_function_app'],
    path: ['site_config', 'min_tls_version'],
    insecure: AZURE_OLD,
    secure: '"1.2"',
    problem: OLD,
    remedy: 'Set "1.2"',
  },
  {
    resources: ['azurerm_linux_web_app', 'azurerm_windows_web_app', 'azurerm_linux_function_app', 'azurerm_windows_function_app', 'azurerm_linux_web_app_slot', 'azurerm_windows_web_app_slot'],
    path: ['site_config', 'minimum_tls_version'],
    insecure: AZURE_OLD,
    secure: '"1.2"',
    problem: OLD,
    remedy: 'Set "1.2"',
  },
  {
    resources: ['google_compute_ssl_policy'],
    path: ['min_tls_version'],
    insecure: oneOf('TLS_1_0', 'TLS_1_1'),
    secure: '"TLS_1_2"',
    problem: OLD,
    remedy: 'Set "TLS_1_2"',
    missing: { defaultsTo: '"TLS_1_0"', provider: 'hashicorp/google 4.x–6.x' },
  },
];

export default defineRule({
  id: 'weak-tls-policy',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'A load balancer, CDN, API or database endpoint accepts TLS below 1.2 (set so, or left at that default: low)',
  cwe: [326, 327],
  fix: 'unsafe',
  check(ctx) {
    reportSettings(ctx, CHECKS);
  },
});
