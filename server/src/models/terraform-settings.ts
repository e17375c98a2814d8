// Table-driven Terraform setting checks: resource type → attribute (maybe inside nested blocks) → insecure values,
// and, where the provider's default is insecure, what a missing attribute means. Rules are lists of these entries.

import type { Fix, Range, Severity } from '../core/types.js';
import { insertIntoBlock } from './terraform-checks.js';
import { attribute, blocksOf, literal, UNKNOWN, type HclBlock, type HclValue, type TerraformFile } from './terraform.js';
import type { Resolved } from './terraform-values.js';

/** The part of a rule's context reportSettings uses (models do not import the rule layer). */
interface Reporter {
  readonly file: { readonly terraform: TerraformFile | undefined };
  report(r: { readonly range: Range; readonly message: string; readonly fixes?: readonly Fix[]; readonly severity?: Severity }): void;
}

/** What a missing attribute means: the provider's default, and the provider versions that default was checked for. */
export interface MissingDefault {
  /** the value the provider uses when the attribute is absent, as HCL (`false`, `"optional"`). */
  readonly defaultsTo: string;
  /** e.g. `hashicorp/aws 4.x–6.x`: the provider releases whose documentation gives that default. */
  readonly provider: string;
  /** cases where the attribute's absence is fine (the value comes from elsewhere), checked on the resource block. */
  readonly unless?: (resource: HclBlock, tf: TerraformFile) => boolean;
}

export interface SettingCheck {
  readonly resources: readonly string[];
  /** nested block names, then the attribute: `['encrypt_at_rest', 'enabled']`. */
  readonly path: readonly string[];
  /** whether a literal value is insecure. */
  readonly insecure: (value: HclValue) => boolean;
  /** the secure value as HCL, for fixes and messages (`true`, `"TLS1_2"`). */
  readonly secure: string;
  /** what the insecure setting does, for messages: "the volume's data and snapshots are stored unencrypted". */
  readonly problem: string;
  /** what to do, for messages: "Set encrypted = true (with a KMS key you control)". */
  readonly remedy: string;
  /** set when the provider default is insecure: a missing attribute is reported at low severity. */
  readonly missing?: MissingDefault;
  /** the check applies only to resources that pass this (e.g. a listener whose protocol is HTTPS). */
  readonly when?: (resource: HclBlock, tf: TerraformFile) => boolean;
  /** severity of an explicit insecure value when it differs from the rule's. */
  readonly severity?: Severity;
}

export interface SettingFinding {
  readonly check: SettingCheck;
  readonly resource: HclBlock;
  /** `aws_ebs_volume 'data'`. */
  readonly where: string;
  readonly range: Range;
  /** `sets encrypted = false (var.encrypted, default in variables.tf:3)`, or `does not set encrypted, and …`. */
  readonly what: string;
  readonly missing: boolean;
  readonly severity: Severity | undefined;
  readonly fixes: readonly Fix[];
}

/** Values one of `values` (strings compared case-insensitively). */
export function oneOf(...values: readonly (string | number | boolean)[]): (v: HclValue) => boolean {
  const set = new Set(values.map((x) => (typeof x === 'string' ? x.toLowerCase() : x)));
  return (v) => (typeof v === 'string' ? set.has(v.toLowerCase()) : (typeof v === 'number' || typeof v === 'boolean') && set.has(v));
}

/** The literal value of `block`'s attribute `name` after following variables and locals; undefined when absent. */
export function valueOf(tf: TerraformFile, block: HclBlock, name: string): HclValue | typeof UNKNOWN | undefined {
  const a = attribute(block.body, name);
  return a ? literal(tf.values.resolve(a.value).expr) : undefined;
}

/** Whether the file or another file of its module declares a resource of this type. */
export function moduleHasResource(tf: TerraformFile, type: string): boolean {
  const has = (items: readonly (HclBlock | { readonly kind: 'attribute' })[]): boolean => items.some((b) => b.kind === 'block' && b.type === 'resource' && b.labels[0]?.value === type);
  return has(tf.body.items) || tf.values.siblings().some((f) => has(f.hcl.body.items));
}

export function resourceName(block: HclBlock): string {
  return `${block.labels[0]?.value ?? '?'} '${block.labels[1]?.value ?? '?'}'`;
}

/** Runs the checks over the file's resources. */
export function runSettingChecks(tf: TerraformFile, checks: readonly SettingCheck[]): SettingFinding[] {
  const byType = new Map<string, SettingCheck[]>();
  for (const c of checks) for (const r of c.resources) byType.set(r, [...(byType.get(r) ?? []), c]);
  const out: SettingFinding[] = [];
  for (const block of tf.blocksOfType('resource')) {
    const list = byType.get(block.labels[0]?.value ?? '');
    if (!list) continue;
    for (const check of list) {
      if (check.when && !check.when(block, tf)) continue;
      out.push(...checkOne(tf, block, check));
    }
  }
  return out;
}

function checkOne(tf: TerraformFile, resource: HclBlock, check: SettingCheck): SettingFinding[] {
  const where = resourceName(resource);
  // A block still being typed (no closing brace) may yet get the attribute: only what is written counts.
  const missing = resource.closed ? check.missing : undefined;
  const name = check.path[check.path.length - 1]!;
  const shown = check.path.join('.');
  const out: SettingFinding[] = [];
  // Walk down the nested blocks; a `dynamic` block of that name makes its content unknown.
  let holders: HclBlock[] = [resource];
  for (const step of check.path.slice(0, -1)) {
    const next: HclBlock[] = [];
    for (const h of holders) {
      const nested = blocksOf(h.body, step);
      if (nested.length > 0) next.push(...nested);
      else if (blocksOf(h.body, 'dynamic').some((d) => d.labels[0]?.value === step)) return out;
      else if (missing && !missing.unless?.(resource, tf)) out.push(missingFinding(tf, resource, h, check, where, shown, step));
    }
    holders = next;
  }
  for (const h of holders) {
    const attr = attribute(h.body, name);
    if (!attr) {
      if (missing && !missing.unless?.(resource, tf)) out.push(missingFinding(tf, resource, h, check, where, shown, undefined));
      continue;
    }
    for (const r of tf.values.candidates(attr.value)) {
      const v = literal(r.expr);
      if (v === UNKNOWN) continue;
      if (v === null) {
        if (missing && !missing.unless?.(resource, tf)) {
          out.push({ check, resource, where, range: r.range, what: `sets ${shown} = null${from(r)}, so the provider default ${missing.defaultsTo} applies (${missing.provider})`, missing: true, severity: 'low', fixes: [] });
        }
        continue;
      }
      if (!check.insecure(v)) continue;
      const fixes: Fix[] = [];
      if (r.origin === undefined && attr.value.range.start === r.range.start) {
        fixes.push({ title: `Set ${name} = ${check.secure}`, safety: 'unsafe', edits: [{ range: attr.value.range, newText: check.secure }] });
      }
      out.push({ check, resource, where, range: r.range, what: `sets ${shown} = ${show(v)}${from(r)}`, missing: false, severity: check.severity, fixes });
      break;
    }
  }
  return out;
}

/** A missing attribute (or a missing nested block `block`, which would hold it), reported on the holder's type. */
function missingFinding(tf: TerraformFile, resource: HclBlock, holder: HclBlock, check: SettingCheck, where: string, shown: string, block: string | undefined): SettingFinding {
  const m = check.missing!;
  const name = check.path[check.path.length - 1]!;
  // The nested blocks still to write, innermost last: `metadata_options {`, `  http_tokens = "required"`, `}`.
  const rest = block === undefined ? [] : check.path.slice(check.path.indexOf(block), -1);
  const lines: string[] = [];
  rest.forEach((b, i) => lines.push(`${'  '.repeat(i)}${b} {`));
  lines.push(`${'  '.repeat(rest.length)}${name} = ${check.secure}`);
  for (let i = rest.length - 1; i >= 0; i--) lines.push(`${'  '.repeat(i)}}`);
  const edit = insertIntoBlock(tf.text, holder, lines);
  const range = holder === resource ? (resource.labels[0]?.range ?? resource.typeRange) : holder.typeRange;
  return {
    check,
    resource,
    where,
    range,
    what: `does not set ${shown}${block === undefined ? '' : ` (it has no ${block} block)`}, and the provider default is ${m.defaultsTo} (${m.provider})`,
    missing: true,
    severity: 'low',
    fixes: edit ? [{ title: `Add ${name} = ${check.secure}`, safety: 'unsafe', edits: [edit] }] : [],
  };
}

/** Reports every finding of the checks with its message, severity and fix. */
export function reportSettings(ctx: Reporter, checks: readonly SettingCheck[]): void {
  const tf = ctx.file.terraform;
  if (!tf) return;
  for (const f of runSettingChecks(tf, checks)) {
    ctx.report({
      range: f.range,
      message: `${f.where} ${f.what}: ${f.check.problem}. ${f.check.remedy}.`,
      fixes: f.fixes,
      ...(f.severity ? { severity: f.severity } : {}),
    });
  }
}

function from(r: Resolved): string {
  return r.origin === undefined ? '' : ` (${r.origin})`;
}

export function show(v: HclValue): string {
  return typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
}
