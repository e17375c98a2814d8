// IAM policy statements in Terraform, wherever they are written: `jsonencode({...})`, JSON strings and heredocs,
// and `aws_iam_policy_document` data blocks; each value is a literal with its range, or unknown.

import type { Range } from '../core/types.js';
import { allBlocks, attribute, attributesOf, blocksOf, stringValue, type HclBlock, type HclExpr, type TerraformFile } from './terraform.js';

export interface Located {
  readonly value: string;
  readonly range: Range;
}

/** A field of a statement: the literal strings found (with ranges), and whether some part was not literal. */
export interface Field {
  readonly values: readonly Located[];
  readonly unknown: boolean;
}

export interface Statement {
  /** `Allow` / `Deny`; undefined when unknown. */
  readonly effect: string | undefined;
  readonly actions: Field | undefined;
  readonly resources: Field | undefined;
  /** principal identifiers (`*`, ARNs); undefined when the statement has none (identity policies). */
  readonly principals: Field | undefined;
  /** `NotAction` / `not_actions`: the statement applies to every action except these. */
  readonly notActions: Field | undefined;
  /** `NotResource` / `not_resources`. */
  readonly notResources: Field | undefined;
  /** a condition that constrains the statement (an empty `Condition = {}` is none; one not known statically counts). */
  readonly hasCondition: boolean;
  /** statements of the same policy document share this number. */
  readonly policy: number;
  /** where a finding about the statement as a whole points. */
  readonly range: Range;
}

const NONE: Field = { values: [], unknown: false };

function field(expr: HclExpr | undefined): Field | undefined {
  if (!expr) return undefined;
  if (expr.type === 'string') return { values: [{ value: expr.value, range: expr.range }], unknown: false };
  if (expr.type === 'tuple') {
    const values: Located[] = [];
    let unknown = false;
    for (const item of expr.items) {
      if (item.type === 'string') values.push({ value: item.value, range: item.range });
      else unknown = true;
    }
    return { values, unknown };
  }
  return { values: [], unknown: true };
}

function objItem(expr: HclExpr, key: string): HclExpr | undefined {
  if (expr.type !== 'object') return undefined;
  for (const item of expr.items) if (item.key === key) return item.value;
  return undefined;
}

/** `Principal = "*"` or `Principal = { AWS = [...] }`: every identifier of every principal type. */
function principalField(expr: HclExpr | undefined): Field | undefined {
  if (!expr) return undefined;
  if (expr.type !== 'object') return field(expr);
  const values: Located[] = [];
  let unknown = false;
  for (const item of expr.items) {
    const f = field(item.value)!;
    values.push(...f.values);
    unknown ||= f.unknown || item.key === undefined;
  }
  return { values, unknown };
}

/** A `Condition` value that constrains something: not an empty object (unknown values count as constraining). */
function constrains(expr: HclExpr | undefined): boolean {
  if (!expr) return false;
  if (expr.type === 'object') return expr.items.some((i) => i.value.type !== 'object' || constrains(i.value));
  return expr.type !== 'null' && expr.type !== 'tuple';
}

function constrainsJson(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v !== 'object' || Array.isArray(v)) return true;
  return Object.values(v).some((inner) => (typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? Object.keys(inner).length > 0 : inner !== undefined));
}

/** Statements of a policy written as an HCL object (the argument of `jsonencode`). */
function fromHclObject(doc: HclExpr, policy: number): Statement[] {
  const st = objItem(doc, 'Statement');
  if (!st) return [];
  const list = st.type === 'tuple' ? st.items : [st];
  const out: Statement[] = [];
  for (const s of list) {
    if (s.type !== 'object') continue;
    const effect = objItem(s, 'Effect');
    out.push({
      effect: effect?.type === 'string' ? effect.value : undefined,
      actions: field(objItem(s, 'Action')),
      resources: field(objItem(s, 'Resource')),
      principals: principalField(objItem(s, 'Principal')),
      notActions: field(objItem(s, 'NotAction')),
      notResources: field(objItem(s, 'NotResource')),
      hasCondition: constrains(objItem(s, 'Condition')),
      policy,
      range: s.range,
    });
  }
  return out;
}

function jsonStrings(v: unknown, range: Range): Field | undefined {
  if (v === undefined) return undefined;
  const list = Array.isArray(v) ? v : [v];
  const values = list.filter((x): x is string => typeof x === 'string').map((value) => ({ value, range }));
  return { values, unknown: values.length !== list.length };
}

/** Statements of a policy written as JSON text; every range is the string's, as offsets inside JSON escapes drift. */
function fromJson(text: string, range: Range, policy: number): Statement[] {
  const t = text.trim();
  if (!t.startsWith('{') || !t.includes('Statement')) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(t);
  } catch {
    return [];
  }
  const st = (doc as { Statement?: unknown } | null)?.Statement;
  const list = Array.isArray(st) ? st : st === undefined ? [] : [st];
  const out: Statement[] = [];
  for (const s of list) {
    if (typeof s !== 'object' || s === null) continue;
    const o = s as Record<string, unknown>;
    const p = o.Principal;
    const principals =
      p === undefined ? undefined : typeof p === 'object' && p !== null && !Array.isArray(p) ? jsonStrings(Object.values(p).flat(), range) : jsonStrings(p, range);
    out.push({
      effect: typeof o.Effect === 'string' ? o.Effect : undefined,
      actions: jsonStrings(o.Action, range),
      resources: jsonStrings(o.Resource, range),
      principals,
      notActions: jsonStrings(o.NotAction, range),
      notResources: jsonStrings(o.NotResource, range),
      hasCondition: constrainsJson(o.Condition),
      policy,
      range,
    });
  }
  return out;
}

/** Statements of an `aws_iam_policy_document` data block (`effect` defaults to Allow). */
function fromPolicyDocument(block: HclBlock, policy: number): Statement[] {
  const out: Statement[] = [];
  for (const s of blocksOf(block.body, 'statement')) {
    const effect = attribute(s.body, 'effect');
    const principalBlocks = blocksOf(s.body, 'principals');
    let principals: Field | undefined;
    if (principalBlocks.length > 0) {
      const values: Located[] = [];
      let unknown = false;
      for (const pb of principalBlocks) {
        const f = field(attribute(pb.body, 'identifiers')?.value) ?? NONE;
        values.push(...f.values);
        unknown ||= f.unknown;
      }
      principals = { values, unknown };
    }
    out.push({
      effect: effect === undefined ? 'Allow' : stringValue(effect.value),
      actions: field(attribute(s.body, 'actions')?.value),
      resources: field(attribute(s.body, 'resources')?.value),
      principals,
      notActions: field(attribute(s.body, 'not_actions')?.value),
      notResources: field(attribute(s.body, 'not_resources')?.value),
      hasCondition: blocksOf(s.body, 'condition').length > 0 || blocksOf(s.body, 'dynamic').some((d) => d.labels[0]?.value === 'condition'),
      policy,
      range: s.typeRange,
    });
  }
  return out;
}

/** Every policy statement in the file. */
export function policyStatements(tf: TerraformFile): Statement[] {
  return policyDocuments(tf).flatMap((d) => d.statements);
}

export interface PolicyDocument {
  /** the block that holds it: an `aws_iam_policy_document` data block, or the resource with a `policy` attribute. */
  readonly block: HclBlock;
  /** the attribute it is the value of (`policy`, `assume_role_policy` …); undefined for policy document data blocks. */
  readonly attribute: string | undefined;
  readonly statements: readonly Statement[];
}

/** Every policy document in the file, with its statements. */
export function policyDocuments(tf: TerraformFile): PolicyDocument[] {
  const out: PolicyDocument[] = [];
  for (const top of tf.blocks) {
    if (top.type === 'data' && top.labels[0]?.value === 'aws_iam_policy_document') {
      out.push({ block: top, attribute: undefined, statements: fromPolicyDocument(top, out.length) });
      continue;
    }
    for (const block of [top, ...allBlocks(top.body)]) {
      for (const attr of attributesOf(block.body)) {
        const v = attr.value;
        const statements = v.type === 'call' && v.name === 'jsonencode' && v.args[0] ? fromHclObject(v.args[0], out.length) : v.type === 'string' ? fromJson(v.value, v.range, out.length) : [];
        if (statements.length > 0) out.push({ block: top, attribute: attr.name, statements });
      }
    }
  }
  return out;
}

/** `*` or `service:*`. */
export function isWildcardAction(a: string): boolean {
  return a === '*' || /^[a-z0-9-]+:\*$/i.test(a);
}
