// Kubernetes API servers reachable from the whole internet: EKS public endpoints without public_access_cidrs (they
// default to 0.0.0.0/0), GKE without master authorized networks, AKS without authorized IP ranges or a private cluster.

import type { Fix, Range, Severity } from '../../core/types.js';
import { insertIntoBlock, isWholeInternet } from '../../models/terraform-checks.js';
import { attribute, blocksOf, literal, UNKNOWN, type HclBlock, type HclExpr, type TerraformFile } from '../../models/terraform.js';
import { resourceName, valueOf } from '../../models/terraform-settings.js';
import { defineRule } from '../define.js';

interface Hit {
  readonly range: Range;
  readonly message: string;
  readonly severity?: Severity;
  readonly fixes?: readonly Fix[];
}

const WHY = 'anyone on the internet can reach the Kubernetes API server, so a leaked kubeconfig or token, or an API server vulnerability, is exploitable from anywhere';

/** The open CIDRs of a list attribute (after variables), or undefined when the list is not known. */
function openCidrs(tf: TerraformFile, expr: HclExpr): { range: Range; value: string; origin: string | undefined }[] | undefined {
  const r = tf.values.resolve(expr);
  if (literal(r.expr) === UNKNOWN) return undefined;
  return tf.values.items(r).flatMap((i) => {
    const v = literal(i.expr);
    return typeof v === 'string' && isWholeInternet(v, false) ? [{ range: i.range, value: v, origin: i.origin }] : [];
  });
}

function from(origin: string | undefined): string {
  return origin ? ` (${origin})` : '';
}

function eks(tf: TerraformFile, r: HclBlock): Hit[] {
  const out: Hit[] = [];
  for (const vpc of blocksOf(r.body, 'vpc_config')) {
    const pubAttr = attribute(vpc.body, 'endpoint_public_access');
    const pub = pubAttr ? literal(tf.values.resolve(pubAttr.value).expr) : true;
    if (pub !== true) continue;
    const cidrs = attribute(vpc.body, 'public_access_cidrs');
    if (cidrs) {
      for (const c of openCidrs(tf, cidrs.value) ?? []) out.push({ range: c.range, message: `${resourceName(r)} allows ${c.value}${from(c.origin)} to its public API endpoint: ${WHY}. List the networks that run kubectl (CI runners, VPN egress), or turn the public endpoint off.` });
      continue;
    }
    const lines = attribute(vpc.body, 'endpoint_private_access') ? ['endpoint_public_access = false'] : ['endpoint_private_access = true', 'endpoint_public_access = false'];
    const edit = pubAttr ? undefined : insertIntoBlock(tf.text, vpc, lines);
    out.push({
      range: pubAttr ? pubAttr.value.range : vpc.typeRange,
      message: `${resourceName(r)} ${pubAttr ? 'turns on the public API endpoint' : 'keeps the public API endpoint (endpoint_public_access defaults to true)'} without public_access_cidrs, which defaults to 0.0.0.0/0 (hashicorp/aws 3.x–6.x): ${WHY}. Set public_access_cidrs to the networks that need it, or endpoint_public_access = false with private access.`,
      ...(pubAttr ? {} : { severity: 'low' as const }),
      fixes: edit ? [{ title: 'Use the private endpoint only (endpoint_public_access = false)', safety: 'unsafe', edits: [edit] }] : [],
    });
  }
  return out;
}

function gke(tf: TerraformFile, r: HclBlock): Hit[] {
  if (blocksOf(r.body, 'private_cluster_config').some((p) => valueOf(tf, p, 'enable_private_endpoint') === true)) return [];
  const manc = blocksOf(r.body, 'master_authorized_networks_config');
  if (manc.length > 0) {
    const out: Hit[] = [];
    for (const m of manc) {
      for (const cb of blocksOf(m.body, 'cidr_blocks')) {
        const a = attribute(cb.body, 'cidr_block');
        for (const c of a ? (openCidrs(tf, a.value) ?? []) : []) out.push({ range: c.range, message: `${resourceName(r)} authorizes ${c.value}${from(c.origin)} to reach the control plane: ${WHY}. List the networks that run kubectl.` });
      }
    }
    return out;
  }
  if (blocksOf(r.body, 'dynamic').some((d) => d.labels[0]?.value === 'master_authorized_networks_config')) return [];
  const edit = insertIntoBlock(tf.text, r, ['master_authorized_networks_config {}']);
  return [
    {
      range: r.labels[0]?.range ?? r.typeRange,
      message: `${resourceName(r)} has no master_authorized_networks_config and no private endpoint, so the control plane accepts connections from any address (hashicorp/google 4.x–6.x): ${WHY}. Add master_authorized_networks_config with the networks that run kubectl (an empty block admits none from outside).`,
      severity: 'low',
      fixes: edit ? [{ title: 'Add master_authorized_networks_config {} (no outside network until you list one)', safety: 'unsafe', edits: [edit] }] : [],
    },
  ];
}

function aks(tf: TerraformFile, r: HclBlock): Hit[] {
  if (valueOf(tf, r, 'private_cluster_enabled') === true) return [];
  const ranges = [attribute(r.body, 'api_server_authorized_ip_ranges'), ...blocksOf(r.body, 'api_server_access_profile').map((p) => attribute(p.body, 'authorized_ip_ranges'))].filter((a) => a !== undefined);
  if (ranges.length > 0) {
    const out: Hit[] = [];
    for (const a of ranges) {
      const resolved = tf.values.resolve(a.value);
      const v = literal(resolved.expr);
      if (Array.isArray(v) && v.length === 0) {
        out.push({ range: resolved.range, message: `${resourceName(r)} sets an empty authorized IP range list${from(resolved.origin)}, which does not restrict the API server: ${WHY}. List the networks that run kubectl, or make the cluster private.` });
        continue;
      }
      for (const c of openCidrs(tf, a.value) ?? []) out.push({ range: c.range, message: `${resourceName(r)} authorizes ${c.value}${from(c.origin)} to reach the API server: ${WHY}. List the networks that run kubectl.` });
    }
    return out;
  }
  if (blocksOf(r.body, 'dynamic').some((d) => d.labels[0]?.value === 'api_server_access_profile')) return [];
  return [
    {
      range: r.labels[0]?.range ?? r.typeRange,
      message: `${resourceName(r)} is not private and sets no authorized IP ranges, so the API server accepts connections from any address (hashicorp/azurerm 3.x–4.x): ${WHY}. Set api_server_access_profile { authorized_ip_ranges = [...] } or private_cluster_enabled = true.`,
      severity: 'low',
    },
  ];
}

export default defineRule({
  id: 'cluster-endpoint-public',
  family: 'hardening',
  kinds: ['terraform'],
  severity: 'medium',
  description: 'An EKS, GKE or AKS API server is reachable from the whole internet (set so, or left at that default: low)',
  cwe: [668, 284],
  fix: 'unsafe',
  check(ctx) {
    const tf = ctx.file.terraform;
    if (!tf) return;
    for (const r of tf.blocksOfType('resource')) {
      const type = r.labels[0]?.value;
      const hits = type === 'aws_eks_cluster' ? eks(tf, r) : type === 'google_container_cluster' ? gke(tf, r) : type === 'azurerm_kubernetes_cluster' ? aks(tf, r) : [];
      // A missing setting in a block still being typed may yet come.
      for (const h of hits) if (r.closed || h.severity !== 'low') ctx.report(h);
    }
  },
});
