// The Terraform model: the parsed HCL of a .tf/.tfvars file with helpers to read blocks, attributes and literal values,
// plus the module calls and provider requirements the pinning rules check.

import { SpanIndexCache } from '../core/spans.js';
import type { ParseError, Range } from '../core/types.js';
import { parseHcl, type HclAttribute, type HclBlock, type HclBody, type HclComment, type HclExpr, type HclFile } from '../parsers/hcl.js';
import { ValueResolver, type ModuleContext } from './terraform-values.js';

export type { HclAttribute, HclBlock, HclBody, HclComment, HclExpr, HclFile, HclLabel, HclObjectItem } from '../parsers/hcl.js';

/** A value only known when Terraform runs (it depends on a variable, a function call, a template …). */
export const UNKNOWN: unique symbol = Symbol('unknown');
export type Unknown = typeof UNKNOWN;

/** What a literal expression evaluates to. */
export type HclValue = string | number | boolean | null | readonly HclValue[] | { readonly [key: string]: HclValue };

const HEREDOCS = new SpanIndexCache<Range>((r) => r);

export class TerraformFile {
  private _heredocs: Range[] | undefined;
  private _values: ValueResolver | undefined;

  /**
   * `fileName` is the file's name in its folder and `module` the folder's files (see models/terraform-values.ts):
   * without them, `var.x` and `local.y` resolve only from the file's own declarations.
   */
  constructor(
    readonly hcl: HclFile,
    readonly text = '',
    readonly fileName = '',
    readonly module: ModuleContext | undefined = undefined,
  ) {}

  /** Follows `var.x` / `local.y` to the values the module declares for them. */
  get values(): ValueResolver {
    return (this._values ??= new ValueResolver(this.hcl, this.text, this.fileName, this.module));
  }

  /** The top-level body (attributes are what a `.tfvars` file holds). */
  get body(): HclBody {
    return this.hcl.body;
  }

  /** Top-level blocks in source order, including unclosed ones (their intact attributes are there). */
  get blocks(): readonly HclBlock[] {
    return blocksOf(this.hcl.body);
  }

  get comments(): readonly HclComment[] {
    return this.hcl.comments;
  }

  get errors(): readonly ParseError[] {
    return this.hcl.errors;
  }

  /** Top-level blocks of a type, e.g. `resource`, optionally with the first label, e.g. `aws_s3_bucket`. */
  blocksOfType(type: string, firstLabel?: string): HclBlock[] {
    return this.blocks.filter((b) => b.type === type && (firstLabel === undefined || b.labels[0]?.value === firstLabel));
  }

  /** Whether `offset` is inside a comment (suppression directives must be comments, not string content). */
  isComment(offset: number): boolean {
    const list = this.hcl.comments;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid]!.range;
      if (offset < r.start) hi = mid - 1;
      else if (offset >= r.end) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** The heredoc containing `offset`, if any: a comment line inserted inside it would change the value. */
  heredocAt(offset: number): Range | undefined {
    const list = (this._heredocs ??= collectHeredocs(this.hcl.body));
    // Asked once per finding: a binary search, not a scan of every heredoc.
    const [from, to] = HEREDOCS.range(list, offset);
    for (let i = from; i < to; i++) {
      const r = list[i]!;
      if (r.start <= offset && offset < r.end) return r;
    }
    return undefined;
  }
}

export function parseTerraform(text: string, fileName = '', module?: ModuleContext): TerraformFile {
  return new TerraformFile(parseHcl(text), text, fileName, module);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading bodies

/** The first attribute with this name (Terraform rejects duplicates; mid-edit the first is the one to trust). */
export function attribute(body: HclBody, name: string): HclAttribute | undefined {
  for (const item of body.items) if (item.kind === 'attribute' && item.name === name) return item;
  return undefined;
}

export function attributesOf(body: HclBody): HclAttribute[] {
  return body.items.filter((i): i is HclAttribute => i.kind === 'attribute');
}

/** Nested blocks, optionally of one type (`ingress`, `statement`, `dynamic` …). */
export function blocksOf(body: HclBody, type?: string): HclBlock[] {
  return body.items.filter((i): i is HclBlock => i.kind === 'block' && (type === undefined || i.type === type));
}

/**
 * Every block under `body` at any depth, parents before children. A list: nested generators passed each block up
 * through every level above it.
 */
export function allBlocks(body: HclBody): HclBlock[] {
  const out: HclBlock[] = [];
  const add = (b: HclBody): void => {
    for (const block of blocksOf(b)) {
      out.push(block);
      add(block.body);
    }
  };
  add(body);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Values

/** The literal value of an expression, or UNKNOWN when any part of it depends on run time. */
export function literal(expr: HclExpr): HclValue | Unknown {
  switch (expr.type) {
    case 'string':
    case 'number':
    case 'bool':
      return expr.value;
    case 'null':
      return null;
    case 'tuple': {
      const out: HclValue[] = [];
      for (const item of expr.items) {
        const v = literal(item);
        if (v === UNKNOWN) return UNKNOWN;
        out.push(v);
      }
      return out;
    }
    case 'object': {
      const out: Record<string, HclValue> = {};
      for (const item of expr.items) {
        const v = literal(item.value);
        if (item.key === undefined || v === UNKNOWN) return UNKNOWN;
        out[item.key] = v;
      }
      return out;
    }
    default:
      return UNKNOWN;
  }
}

export function isKnown(expr: HclExpr): boolean {
  return literal(expr) !== UNKNOWN;
}

/** The string an expression is, when it is a string literal (quoted without interpolation, or a plain heredoc). */
export function stringValue(expr: HclExpr | undefined): string | undefined {
  return expr?.type === 'string' ? expr.value : undefined;
}

/** The value of an object constructor's key (`{ version = "~> 5.0" }`), when the object and key are literal keys. */
export function objectItem(expr: HclExpr, key: string): HclExpr | undefined {
  if (expr.type !== 'object') return undefined;
  for (const item of expr.items) if (item.key === key) return item.value;
  return undefined;
}

/** Every expression inside `expr`, itself first, in document order (for rules that look for a shape anywhere in a value). */
export function subExpressions(expr: HclExpr): HclExpr[] {
  const out: HclExpr[] = [];
  const add = (e: HclExpr): void => {
    out.push(e);
    switch (e.type) {
      case 'tuple':
        for (const i of e.items) add(i);
        break;
      case 'object':
        for (const i of e.items) {
          add(i.keyExpr);
          add(i.value);
        }
        break;
      case 'call':
        for (const a of e.args) add(a);
        break;
      case 'operation':
        for (const o of e.operands) add(o);
        break;
      default:
        break;
    }
  };
  add(expr);
  return out;
}

function collectHeredocs(body: HclBody): Range[] {
  const out: Range[] = [];
  const visit = (b: HclBody): void => {
    for (const item of b.items) {
      if (item.kind === 'block') visit(item.body);
      else for (const e of subExpressions(item.value)) if ((e.type === 'string' || e.type === 'template') && e.heredoc) out.push(e.range);
    }
  };
  visit(body);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Pinning: module calls and provider requirements

export interface ModuleCall {
  readonly block: HclBlock;
  /** the module's name (first label). */
  readonly name: string | undefined;
  readonly source: HclAttribute | undefined;
  readonly version: HclAttribute | undefined;
}

export function moduleCalls(tf: TerraformFile): ModuleCall[] {
  return tf.blocksOfType('module').map((block) => ({
    block,
    name: block.labels[0]?.value,
    source: attribute(block.body, 'source'),
    version: attribute(block.body, 'version'),
  }));
}

export interface ProviderRequirement {
  /** the local name (`aws`). */
  readonly name: string;
  readonly nameRange: Range;
  /** the entry: an object `{ source, version }` or, in the legacy form, a version constraint string. */
  readonly entry: HclAttribute;
  /** `source` of the object form. */
  readonly source: HclExpr | undefined;
  /** the version constraint expression: `version` of the object form, or the legacy string itself. */
  readonly version: HclExpr | undefined;
}

/** Entries of every `terraform { required_providers { … } }` block. */
export function providerRequirements(tf: TerraformFile): ProviderRequirement[] {
  const out: ProviderRequirement[] = [];
  for (const t of tf.blocksOfType('terraform')) {
    for (const rp of blocksOf(t.body, 'required_providers')) {
      for (const entry of attributesOf(rp.body)) {
        const v = entry.value;
        out.push({
          name: entry.name,
          nameRange: entry.nameRange,
          entry,
          source: objectItem(v, 'source'),
          version: v.type === 'object' ? objectItem(v, 'version') : v.type === 'invalid' ? undefined : v,
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Module source addresses

/** How Terraform fetches a module `source` (see "Module Sources" in the Terraform documentation). */
export type ModuleSourceKind = 'local' | 'registry' | 'git' | 'hg' | 'http' | 's3' | 'gcs' | 'other';

export interface ModuleSource {
  readonly kind: ModuleSourceKind;
  /** `ref=` (git) or `rev=`/`ref=` (hg) from the query string; undefined when absent. */
  readonly ref: string | undefined;
  /** offset of `ref` inside the source string. */
  readonly refOffset: number | undefined;
}

const FORCED = /^([A-Za-z0-9]+)::/;
const REGISTRY = /^(?:[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?\/)?[A-Za-z0-9][A-Za-z0-9_-]{0,63}\/[A-Za-z0-9][A-Za-z0-9_-]{0,63}\/[A-Za-z0-9]{1,64}(?:\/\/[^?]*)?$/;

export function classifyModuleSource(source: string): ModuleSource {
  const s = source.trim();
  const kind = sourceKind(s);
  let ref: string | undefined;
  let refOffset: number | undefined;
  if (kind === 'git' || kind === 'hg') {
    const q = source.indexOf('?');
    if (q !== -1) {
      let at = q + 1;
      for (const param of source.slice(q + 1).split('&')) {
        const eq = param.indexOf('=');
        const name = eq === -1 ? param : param.slice(0, eq);
        if (eq !== -1 && (name === 'ref' || (kind === 'hg' && name === 'rev'))) {
          ref = decodeParam(param.slice(eq + 1));
          refOffset = at + eq + 1;
        }
        at += param.length + 1;
      }
    }
  }
  return { kind, ref, refOffset };
}

function sourceKind(s: string): ModuleSourceKind {
  if (s.startsWith('./') || s.startsWith('../') || s === '.' || s === '..') return 'local';
  const forced = FORCED.exec(s);
  if (forced) {
    const g = forced[1]!.toLowerCase();
    return g === 'git' || g === 'hg' || g === 's3' || g === 'gcs' ? g : g === 'http' || g === 'https' ? 'http' : 'other';
  }
  if (/^(?:github\.com|bitbucket\.org)\//i.test(s) || /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:/.test(s) || /^(?:git|ssh):\/\//i.test(s)) return 'git';
  if (/^https?:\/\//i.test(s)) return 'http';
  if (/^[A-Za-z0-9.-]*\.?amazonaws\.com\//i.test(s)) return 's3';
  if (/^www\.googleapis\.com\/storage\//i.test(s)) return 'gcs';
  if (REGISTRY.test(s)) return 'registry';
  return 'other';
}

function decodeParam(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/**
 * Whether a version constraint has an upper bound: an exact version, `=`, `<`, `<=` or `~>` in one of its parts.
 * `>= 1.0` alone lets any future release in. Undefined when it is not a constraint Terraform would accept.
 */
export function constraintBounded(constraint: string): boolean | undefined {
  const parts = constraint.split(',').map((p) => p.trim());
  if (parts.some((p) => p === '')) return undefined;
  let bounded = false;
  for (const p of parts) {
    const m = /^(=|!=|>=|<=|>|<|~>)?\s*v?(\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?)$/.exec(p);
    if (!m) return undefined;
    const op = m[1] ?? '=';
    if (op === '=' || op === '<' || op === '<=' || op === '~>') bounded = true;
  }
  return bounded;
}
