// Firewall rules open to the whole internet on admin, database or all ports: AWS security groups and NACLs, EKS node
// group SSH, Azure NSGs and database firewalls, GCP firewalls and Cloud SQL authorized networks.

import type { Range } from '../../core/types.js';
import { attribute, blocksOf, literal, UNKNOWN, type HclBlock, type HclBody, type HclExpr, type TerraformFile } from '../../models/terraform.js';
import { isWholeInternet } from '../../models/terraform-checks.js';
import type { Resolved } from '../../models/terraform-values.js';
import { defineRule } from '../define.js';

/** Ports whose exposure to the internet is a known way in. */
const SENSITIVE_PORTS: ReadonlyMap<number, string> = new Map([
  [22, 'SSH'], [3389, 'RDP'], [23, 'Telnet'], [5985, 'WinRM'], [5986, 'WinRM'], [2375, 'Docker API'], [2376, 'Docker API'],
  [3306, 'MySQL'], [5432, 'PostgreSQL'], [1433, 'SQL Server'], [1521, 'Oracle'], [27017, 'MongoDB'], [6379, 'Redis'],
  [9200, 'Elasticsearch'], [9042, 'Cassandra'], [11211, 'Memcached'], [5984, 'CouchDB'],
]);
interface Open {
  readonly value: string;
  readonly range: Range;
  readonly origin: string | undefined;
}

/** Open sources in a string or list attribute, following variables and locals. */
function openSources(tf: TerraformFile, expr: HclExpr | undefined, words = true): Open[] {
  if (!expr) return [];
  const out: Open[] = [];
  for (const c of tf.values.candidates(expr)) {
    for (const item of tf.values.items(c)) {
      const v = literal(item.expr);
      if (typeof v === 'string' && isWholeInternet(v, words)) out.push({ value: v, range: item.range, origin: item.origin });
    }
    if (out.length > 0) break;
  }
  return out;
}

function value(tf: TerraformFile, expr: HclExpr | undefined): Resolved | undefined {
  return expr ? tf.values.resolve(expr) : undefined;
}

function num(tf: TerraformFile, expr: HclExpr | undefined): number | undefined {
  const r = value(tf, expr);
  if (!r) return undefined;
  const v = literal(r.expr);
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}

function str(tf: TerraformFile, expr: HclExpr | undefined): string | undefined {
  const r = value(tf, expr);
  if (!r) return undefined;
  const v = literal(r.expr);
  return v === UNKNOWN ? undefined : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** What an open port range exposes, or undefined when nothing sensitive. */
export function exposure(lo: number, hi: number): string | undefined {
  if (lo <= 0 && hi >= 65535) return 'all ports';
  for (const [port, name] of SENSITIVE_PORTS) if (lo <= port && port <= hi) return `port ${port} (${name})`;
  return undefined;
}

/** `"22"`, `"1000-2000"`, `"*"` (Azure, GCP port strings). */
export function portSpec(spec: string): string | undefined {
  if (spec.trim() === '*') return 'all ports';
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec.trim());
  if (!m) return undefined;
  return exposure(Number(m[1]), Number(m[2] ?? m[1]));
}

const ICMP = new Set(['icmp', 'icmpv6', '1', '58']);

/** AWS: from_port / to_port / protocol, where protocol -1 / all means every port and ICMP has none. */
function awsExposure(tf: TerraformFile, body: HclBody, protocolKey: string): string | undefined {
  const protocol = str(tf, attribute(body, protocolKey)?.value)?.toLowerCase();
  if (protocol === '-1' || protocol === 'all') return 'all ports';
  if (protocol === undefined || ICMP.has(protocol)) return undefined;
  const lo = num(tf, attribute(body, 'from_port')?.value);
  const hi = num(tf, attribute(body, 'to_port')?.value);
  if (lo === undefined || hi === undefined) return undefined;
  if (lo === -1 && hi === -1) return 'all ports';
  return exposure(lo, hi);
}

interface Hit {
  readonly open: Open;
  readonly what: string;
  readonly where: string;
}

function awsHits(tf: TerraformFile, body: HclBody, where: string, cidrKeys: readonly string[], protocolKey: string): Hit[] {
  const what = awsExposure(tf, body, protocolKey);
  if (!what) return [];
  return cidrKeys.flatMap((k) => openSources(tf, attribute(body, k)?.value, false)).map((open) => ({ open, what, where }));
}

function azureHits(tf: TerraformFile, body: HclBody, where: string): Hit[] {
  const direction = str(tf, attribute(body, 'direction')?.value);
  const access = str(tf, attribute(body, 'access')?.value);
  if (direction?.toLowerCase() !== 'inbound' || access?.toLowerCase() !== 'allow') return [];
  if (str(tf, attribute(body, 'protocol')?.value)?.toLowerCase() === 'icmp') return [];
  const sources = [...openSources(tf, attribute(body, 'source_address_prefix')?.value), ...openSources(tf, attribute(body, 'source_address_prefixes')?.value)];
  if (sources.length === 0) return [];
  const specs: string[] = [];
  const single = str(tf, attribute(body, 'destination_port_range')?.value);
  if (single !== undefined) specs.push(single);
  const many = attribute(body, 'destination_port_ranges')?.value;
  if (many) for (const i of tf.values.items(tf.values.resolve(many))) {
    const v = literal(i.expr);
    if (typeof v === 'string' || typeof v === 'number') specs.push(String(v));
  }
  const what = specs.map(portSpec).find((x) => x !== undefined);
  return what ? sources.map((open) => ({ open, what, where })) : [];
}

/** What a GCP firewall's `allow` blocks open, or undefined. */
function gcpAllowed(tf: TerraformFile, block: HclBlock): string | undefined {
  for (const allow of blocksOf(block.body, 'allow')) {
    const protocol = str(tf, attribute(allow.body, 'protocol')?.value)?.toLowerCase();
    if (protocol === undefined || ICMP.has(protocol)) continue;
    const ports = attribute(allow.body, 'ports')?.value;
    if (!ports || protocol === 'all') {
      if (['all', 'tcp', 'udp', 'sctp', '6', '17', '132'].includes(protocol)) return 'all ports';
      continue;
    }
    for (const p of tf.values.items(tf.values.resolve(ports))) {
      const v = literal(p.expr);
      const what = typeof v === 'string' ? portSpec(v) : typeof v === 'number' ? portSpec(String(v)) : undefined;
      if (what) return what;
    }
  }
  return undefined;
}

function gcpHits(tf: TerraformFile, block: HclBlock, where: string): Hit[] {
  const dir = attribute(block.body, 'direction');
  if (dir && str(tf, dir.value)?.toUpperCase() !== 'INGRESS') return [];
  const disabled = attribute(block.body, 'disabled');
  if (disabled && literal(tf.values.resolve(disabled.value).expr) === true) return [];
  const what = gcpAllowed(tf, block);
  if (!what) return [];
  const sourceRanges = attribute(block.body, 'source_ranges');
  const sources = openSources(tf, sourceRanges?.value, false);
  if (sources.length > 0) return sources.map((open) => ({ open, what, where }));
  // No source at all: GCP applies an ingress rule to every source (0.0.0.0/0).
  if (!sourceRanges && !attribute(block.body, 'source_tags') && !attribute(block.body, 'source_service_accounts')) {
    const range = block.labels[0]?.range ?? block.typeRange;
    return [{ open: { value: 'no source_ranges, source_tags or source_service_accounts (every source)', range, origin: undefined }, what, where }];
  }
  return [];
}

const AZURE_DB_FIREWALLS = new Set([
  'azurerm_sql_firewall_rule', 'azurerm_mssql_firewall_rule', 'azurerm_postgresql_firewall_rule', 'azurerm_postgresql_flexible_server_firewall_rule',
  'azurerm_mysql_firewall_rule', 'azurerm_mysql_flexible_server_firewall_rule', 'azurerm_mariadb_firewall_rule', 'azurerm_redis_firewall_rule',
  'azurerm_cosmosdb_postgresql_firewall_rule', 'azurerm_synapse_firewall_rule',
]);

/** Azure database firewall rules from 0.0.0.0 to 255.255.255.255 (0.0.0.0 to 0.0.0.0 only admits Azure services). */
function azureDbHits(tf: TerraformFile, block: HclBlock, where: string): Hit[] {
  const startAttr = attribute(block.body, 'start_ip_address') ?? attribute(block.body, 'start_ip');
  const endAttr = attribute(block.body, 'end_ip_address') ?? attribute(block.body, 'end_ip');
  if (!startAttr || !endAttr) return [];
  const start = value(tf, startAttr.value)!;
  const end = value(tf, endAttr.value)!;
  if (literal(start.expr) !== '0.0.0.0' || literal(end.expr) !== '255.255.255.255') return [];
  return [{ open: { value: '0.0.0.0–255.255.255.255', range: end.range, origin: end.origin ?? start.origin }, what: 'the database', where }];
}

function gcpSqlHits(tf: TerraformFile, block: HclBlock, where: string): Hit[] {
  const hits: Hit[] = [];
  for (const settings of blocksOf(block.body, 'settings')) {
    for (const ip of blocksOf(settings.body, 'ip_configuration')) {
      for (const net of blocksOf(ip.body, 'authorized_networks')) {
        for (const open of openSources(tf, attribute(net.body, 'value')?.value, false)) hits.push({ open, what: 'the database', where });
      }
    }
  }
  return hits;
}

/** EKS managed node groups with an SSH key and no source security groups: port 22 is opened to 0.0.0.0/0. */
function eksNodeGroupHits(tf: TerraformFile, block: HclBlock, where: string): Hit[] {
  const hits: Hit[] = [];
  for (const ra of blocksOf(block.body, 'remote_access')) {
    const key = attribute(ra.body, 'ec2_ssh_key');
    if (!key || literal(tf.values.resolve(key.value).expr) === null) continue;
    if (attribute(ra.body, 'source_security_group_ids')) continue;
    hits.push({ open: { value: 'ec2_ssh_key without source_security_group_ids (0.0.0.0/0)', range: ra.typeRange, origin: undefined }, what: 'port 22 (SSH) of every node', where });
  }
  return hits;
}

export default defineRule({
  id: 'ingress-open-to-internet',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'high',
  description: 'A firewall rule allows the whole internet to reach admin, database or all ports',
  cwe: [284, 668],
  fix: 'none',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    const hits: Hit[] = [];
    for (const r of tf.blocksOfType('resource')) {
      const type = r.labels[0]?.value ?? '';
      const where = `${type} '${r.labels[1]?.value ?? '?'}'`;
      switch (type) {
        case 'aws_security_group':
        case 'aws_default_security_group':
          for (const ing of blocksOf(r.body, 'ingress')) hits.push(...awsHits(tf, ing.body, where, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol'));
          break;
        case 'aws_security_group_rule':
          if (str(tf, attribute(r.body, 'type')?.value) === 'ingress') hits.push(...awsHits(tf, r.body, where, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol'));
          break;
        case 'aws_vpc_security_group_ingress_rule':
          hits.push(...awsHits(tf, r.body, where, ['cidr_ipv4', 'cidr_ipv6'], 'ip_protocol'));
          break;
        case 'aws_network_acl_rule': {
          const egress = attribute(r.body, 'egress');
          const isEgress = egress ? literal(tf.values.resolve(egress.value).expr) : false;
          if (isEgress === false && str(tf, attribute(r.body, 'rule_action')?.value)?.toLowerCase() === 'allow') {
            hits.push(...awsHits(tf, r.body, where, ['cidr_block', 'ipv6_cidr_block'], 'protocol'));
          }
          break;
        }
        case 'aws_network_acl':
        case 'aws_default_network_acl':
          for (const ing of blocksOf(r.body, 'ingress')) {
            if (str(tf, attribute(ing.body, 'action')?.value)?.toLowerCase() === 'allow') hits.push(...awsHits(tf, ing.body, where, ['cidr_block', 'ipv6_cidr_block'], 'protocol'));
          }
          break;
        case 'aws_eks_node_group':
          hits.push(...eksNodeGroupHits(tf, r, where));
          break;
        case 'azurerm_network_security_rule':
          hits.push(...azureHits(tf, r.body, where));
          break;
        case 'azurerm_network_security_group':
          for (const rule of blocksOf(r.body, 'security_rule')) hits.push(...azureHits(tf, rule.body, where));
          break;
        case 'google_compute_firewall':
          hits.push(...gcpHits(tf, r, where));
          break;
        case 'google_sql_database_instance':
          hits.push(...gcpSqlHits(tf, r, where));
          break;
        default:
          if (AZURE_DB_FIREWALLS.has(type)) hits.push(...azureDbHits(tf, r, where));
          break;
      }
    }
    for (const h of hits) {
      const from = h.open.origin ? ` (${h.open.origin})` : '';
      ctx.report({
        range: h.open.range,
        message: `${h.where} allows '${h.open.value}'${from} (the whole internet) to reach ${h.what}: these are scanned and brute-forced within minutes of going online, and one weak password or unpatched service is a breach. Restrict the source to known addresses, or reach the hosts through a VPN, bastion, private endpoint or SSM Session Manager.`,
      });
    }
  },
});
