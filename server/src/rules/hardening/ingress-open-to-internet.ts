// Firewall rules open to the whole internet on admin, database or all ports: AWS security groups and NACLs, Azure NSGs, GCP firewalls.

import type { Range } from '../../core/types.js';
import { attribute, blocksOf, literal, UNKNOWN, type HclBlock, type HclBody, type HclExpr } from '../../models/terraform.js';
import { defineRule } from '../define.js';
import { append } from '../../core/arrays.js';

/** Ports whose exposure to the internet is a known way in. */
const SENSITIVE_PORTS: ReadonlyMap<number, string> = new Map([
  [22, 'SSH'], [3389, 'RDP'], [23, 'Telnet'], [5985, 'WinRM'], [5986, 'WinRM'], [2375, 'Docker API'], [2376, 'Docker API'],
  [3306, 'MySQL'], [5432, 'PostgreSQL'], [1433, 'SQL Server'], [1521, 'Oracle'], [27017, 'MongoDB'], [6379, 'Redis'],
  [9200, 'Elasticsearch'], [9042, 'Cassandra'], [11211, 'Memcached'], [5984, 'CouchDB'],
]);
const OPEN = new Set(['0.0.0.0/0', '::/0', '*', 'internet', 'any']);

interface Open {
  readonly value: string;
  readonly range: Range;
}

/** Open sources in a string or list attribute. */
function openSources(expr: HclExpr | undefined): Open[] {
  if (!expr) return [];
  const items = expr.type === 'tuple' ? expr.items : [expr];
  return items.flatMap((e) => (e.type === 'string' && OPEN.has(e.value.toLowerCase()) ? [{ value: e.value, range: e.range }] : []));
}

function num(expr: HclExpr | undefined): number | undefined {
  if (!expr) return undefined;
  const v = literal(expr);
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}

function str(expr: HclExpr | undefined): string | undefined {
  if (!expr) return undefined;
  const v = literal(expr);
  return v === UNKNOWN ? undefined : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** What an open port range exposes, or undefined when nothing sensitive. */
export function exposure(lo: number, hi: number): string | undefined {
  if ((lo <= 0 && hi >= 65535) || (lo === -1 && hi === -1)) return 'all ports';
  for (const [port, name] of SENSITIVE_PORTS) if (lo <= port && port <= hi) return `port ${port} (${name})`;
  return undefined;
}

/** `"22"`, `"1000-2000"`, `"*"` (Azure, GCP port strings). */
function portSpec(spec: string): string | undefined {
  if (spec === '*') return 'all ports';
  const m = /^(\d+)(?:-(\d+))?$/.exec(spec.trim());
  if (!m) return undefined;
  return exposure(Number(m[1]), Number(m[2] ?? m[1]));
}

/** AWS: from_port / to_port / protocol, where protocol -1 / all means every port. */
function awsExposure(body: HclBody, protocolKey: string): string | undefined {
  const protocol = str(attribute(body, protocolKey)?.value);
  if (protocol === '-1' || protocol?.toLowerCase() === 'all') return 'all ports';
  if (protocol === undefined) return undefined;
  const lo = num(attribute(body, 'from_port')?.value);
  const hi = num(attribute(body, 'to_port')?.value);
  if (lo === undefined || hi === undefined) return undefined;
  return exposure(lo, hi);
}

interface Hit {
  readonly open: Open;
  readonly what: string;
  readonly where: string;
}

function awsHits(body: HclBody, where: string, cidrKeys: readonly string[], protocolKey: string): Hit[] {
  const what = awsExposure(body, protocolKey);
  if (!what) return [];
  return cidrKeys.flatMap((k) => openSources(attribute(body, k)?.value)).map((open) => ({ open, what, where }));
}

function azureHits(body: HclBody, where: string): Hit[] {
  const direction = str(attribute(body, 'direction')?.value);
  const access = str(attribute(body, 'access')?.value);
  if (direction?.toLowerCase() !== 'inbound' || access?.toLowerCase() !== 'allow') return [];
  const sources = [...openSources(attribute(body, 'source_address_prefix')?.value), ...openSources(attribute(body, 'source_address_prefixes')?.value)];
  if (sources.length === 0) return [];
  const specs: string[] = [];
  const single = str(attribute(body, 'destination_port_range')?.value);
  if (single !== undefined) specs.push(single);
  const many = attribute(body, 'destination_port_ranges')?.value;
  if (many?.type === 'tuple') for (const i of many.items) if (i.type === 'string') specs.push(i.value);
  const what = specs.map(portSpec).find((x) => x !== undefined);
  return what ? sources.map((open) => ({ open, what, where })) : [];
}

function gcpHits(block: HclBlock): Hit[] {
  const direction = str(attribute(block.body, 'direction')?.value);
  if (attribute(block.body, 'direction') && direction?.toUpperCase() !== 'INGRESS') return [];
  const sources = openSources(attribute(block.body, 'source_ranges')?.value);
  if (sources.length === 0) return [];
  let what: string | undefined;
  for (const allow of blocksOf(block.body, 'allow')) {
    const protocol = str(attribute(allow.body, 'protocol')?.value)?.toLowerCase();
    const ports = attribute(allow.body, 'ports')?.value;
    if (protocol === undefined) continue;
    if (!ports) {
      if (protocol === 'all' || protocol === 'tcp' || protocol === 'udp') what = 'all ports';
    } else if (ports.type === 'tuple') {
      what = ports.items.map((p) => (p.type === 'string' ? portSpec(p.value) : undefined)).find((x) => x !== undefined);
    }
    if (what) break;
  }
  return what ? sources.map((open) => ({ open, what: what!, where: `google_compute_firewall '${block.labels[1]?.value ?? '?'}'` })) : [];
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
      const type = r.labels[0]?.value;
      const where = `${type} '${r.labels[1]?.value ?? '?'}'`;
      switch (type) {
        case 'aws_security_group':
          for (const ing of blocksOf(r.body, 'ingress')) append(hits, awsHits(ing.body, where, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol'));
          break;
        case 'aws_security_group_rule':
          if (str(attribute(r.body, 'type')?.value) === 'ingress') append(hits, awsHits(r.body, where, ['cidr_blocks', 'ipv6_cidr_blocks'], 'protocol'));
          break;
        case 'aws_vpc_security_group_ingress_rule':
          append(hits, awsHits(r.body, where, ['cidr_ipv4', 'cidr_ipv6'], 'ip_protocol'));
          break;
        case 'aws_network_acl_rule': {
          const egress = literal(attribute(r.body, 'egress')?.value ?? { type: 'bool', value: false, range: r.range });
          if (egress === false && str(attribute(r.body, 'rule_action')?.value)?.toLowerCase() === 'allow') {
            append(hits, awsHits(r.body, where, ['cidr_block', 'ipv6_cidr_block'], 'protocol'));
          }
          break;
        }
        case 'aws_network_acl':
          for (const ing of blocksOf(r.body, 'ingress')) {
            if (str(attribute(ing.body, 'action')?.value)?.toLowerCase() === 'allow') append(hits, awsHits(ing.body, where, ['cidr_block', 'ipv6_cidr_block'], 'protocol'));
          }
          break;
        case 'azurerm_network_security_rule':
          append(hits, azureHits(r.body, where));
          break;
        case 'azurerm_network_security_group':
          for (const rule of blocksOf(r.body, 'security_rule')) append(hits, azureHits(rule.body, where));
          break;
        case 'google_compute_firewall':
          append(hits, gcpHits(r));
          break;
        default:
          break;
      }
    }
    for (const h of hits) {
      ctx.report({
        range: h.open.range,
        message: `${h.where} allows '${h.open.value}' (the whole internet) to reach ${h.what}: these ports are scanned and brute-forced within minutes of going online, and one weak password or unpatched service is a breach. Restrict the source to known addresses, or reach the hosts through a VPN, bastion or SSM Session Manager.`,
      });
    }
  },
});
