// Values of `var.x` and `local.y` in a Terraform module: variable defaults, `.tfvars` files and literal locals of the
// file's folder, which the caller supplies as texts (the engine reads no files). What cannot be worked out stays unknown.

import { LineIndex } from '../core/text.js';
import type { Range } from '../core/types.js';
import { parseHcl, type HclBody, type HclExpr, type HclFile } from '../parsers/hcl.js';

/** One other file of the module (the folder), as the caller read it. */
export interface ModuleFile {
  /** the file's name in the folder (`variables.tf`, `prod.tfvars`); shown in messages. */
  readonly name: string;
  readonly text: string;
}

/**
 * The files of the folder a Terraform file belongs to: `.tf` files (variables, locals, other resources) and `.tfvars`.
 * Pass the same object for every file of the folder: what is parsed from it is kept per object.
 */
export interface ModuleContext {
  readonly files: readonly ModuleFile[];
}

/** A value after following `var.`/`local.` references; `expr` is unknown (a reference, call …) when it cannot be followed. */
export interface Resolved {
  /** the expression the value is: the use itself, or the definition it comes from (maybe in another file). */
  readonly expr: HclExpr;
  /** where in the analysed file a finding about the value goes: the use. */
  readonly range: Range;
  /** where the value came from, for messages (`var.port, default in variables.tf:12`); undefined when written at the use. */
  readonly origin: string | undefined;
  /** the file `expr` is written in: undefined for the analysed file. */
  readonly source: string | undefined;
}

interface Definition {
  readonly expr: HclExpr;
  readonly kind: 'default' | 'tfvars' | 'locals';
  readonly file: string;
  readonly line: number;
}

/** Declarations of one file or of a whole folder. */
interface Declarations {
  readonly defaults: Map<string, Definition>;
  readonly locals: Map<string, Definition>;
  /** from terraform.tfvars and *.auto.tfvars, applied in name order (Terraform loads them automatically). */
  readonly autoVars: Map<string, Definition>;
  /** from other *.tfvars: values passed with -var-file, one list per variable. */
  readonly namedVars: Map<string, Definition[]>;
}

export interface IndexedFile {
  readonly name: string;
  readonly text: string;
  readonly hcl: HclFile;
}

/** Parsed files of a module context, kept per context object so each folder is parsed once. */
export interface ModuleIndex {
  /** in name order. */
  readonly files: readonly IndexedFile[];
  readonly byName: ReadonlyMap<string, IndexedFile>;
  readonly decls: Declarations;
}

const indexes = new WeakMap<ModuleContext, ModuleIndex>();

export function moduleIndex(ctx: ModuleContext): ModuleIndex {
  let idx = indexes.get(ctx);
  if (!idx) {
    const files = [...ctx.files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((f) => ({ name: f.name, text: f.text, hcl: parseHcl(f.text) }));
    const decls = emptyDecls();
    for (const f of files) collect(f.name, f.hcl.body, f.text, decls);
    idx = { files, byName: new Map(files.map((f) => [f.name, f])), decls };
    indexes.set(ctx, idx);
  }
  return idx;
}

function emptyDecls(): Declarations {
  return { defaults: new Map(), locals: new Map(), autoVars: new Map(), namedVars: new Map() };
}

export function isTfvars(name: string): boolean {
  return name.endsWith('.tfvars');
}

function isAutoTfvars(name: string): boolean {
  return name === 'terraform.tfvars' || name.endsWith('.auto.tfvars');
}

function collect(file: string, body: HclBody, text: string, into: Declarations): void {
  let lines: LineIndex | undefined;
  const line = (offset: number): number => (lines ??= new LineIndex(text)).positionAt(offset).line + 1;
  if (isTfvars(file)) {
    for (const item of body.items) {
      if (item.kind !== 'attribute') continue;
      const def: Definition = { expr: item.value, kind: 'tfvars', file, line: line(item.range.start) };
      if (isAutoTfvars(file)) into.autoVars.set(item.name, def);
      else {
        const list = into.namedVars.get(item.name) ?? [];
        list.push(def);
        into.namedVars.set(item.name, list);
      }
    }
    return;
  }
  for (const block of body.items) {
    if (block.kind !== 'block') continue;
    if (block.type === 'variable' && block.labels[0]) {
      const d = block.body.items.find((i) => i.kind === 'attribute' && i.name === 'default');
      if (d?.kind === 'attribute' && !into.defaults.has(block.labels[0].value)) {
        into.defaults.set(block.labels[0].value, { expr: d.value, kind: 'default', file, line: line(d.range.start) });
      }
    } else if (block.type === 'locals') {
      for (const item of block.body.items) {
        if (item.kind === 'attribute' && !into.locals.has(item.name)) {
          into.locals.set(item.name, { expr: item.value, kind: 'locals', file, line: line(item.range.start) });
        }
      }
    }
  }
}

/** `var.name`, `local.name`, then `.key`, `["key"]` or `[0]` steps into a literal object or tuple. */
const REF = /^(var|local)\.([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\[\d+\]|\["[^"\\]*"\])*)$/;
const STEP = /\.([A-Za-z_][\w-]*)|\[(\d+)\]|\["([^"\\]*)"\]/g;
const MAX_DEPTH = 8;

/**
 * Follows references for one analysed file: its own declarations first, then the other files of its folder.
 * `fileName` is the analysed file's name in the folder: the caller's copy of it among the context files is ignored.
 */
export class ValueResolver {
  private ownDecls: Declarations | undefined;

  constructor(
    private readonly hcl: HclFile,
    private readonly text: string,
    private readonly fileName: string,
    private readonly module: ModuleContext | undefined,
  ) {}

  /** The parsed other files of the folder (the analysed file excluded), for rules that look across files. */
  siblings(): readonly IndexedFile[] {
    return this.module ? moduleIndex(this.module).files.filter((f) => f.name !== this.fileName) : [];
  }

  /** The value Terraform uses when run without `-var-file`: default < terraform.tfvars < *.auto.tfvars. */
  resolve(expr: HclExpr): Resolved {
    return this.follow(expr, undefined, expr.range, undefined, 0, false)[0]!;
  }

  /** The value as `resolve` gives it, then the values `-var-file` files of the folder would give instead. */
  candidates(expr: HclExpr): Resolved[] {
    return this.follow(expr, undefined, expr.range, undefined, 0, true);
  }

  /** The items of a resolved tuple (each followed in turn), or the value itself when it is not a tuple. */
  items(r: Resolved): Resolved[] {
    if (r.expr.type !== 'tuple') return [r];
    // Items written at the use are reported where they are; items of a value from elsewhere, at the use.
    return r.expr.items.map((item) => this.follow(item, r.source, r.origin === undefined ? item.range : r.range, r.origin, 1, false)[0]!);
  }

  /** A value inside a resolved object (`{ enabled = true }`), followed in turn. */
  member(r: Resolved, key: string): Resolved | undefined {
    const v = stepInto(r.expr, key, undefined);
    return v ? this.follow(v, r.source, r.origin === undefined ? v.range : r.range, r.origin, 1, false)[0] : undefined;
  }

  private textIn(source: string | undefined, range: Range): string | undefined {
    if (source === undefined) return this.text.slice(range.start, range.end);
    const f = this.module ? moduleIndex(this.module).byName.get(source) : undefined;
    return f?.text.slice(range.start, range.end);
  }

  private follow(expr: HclExpr, source: string | undefined, use: Range, origin: string | undefined, depth: number, all: boolean): Resolved[] {
    if (expr.type !== 'reference' || (expr.root !== 'var' && expr.root !== 'local')) return [{ expr, range: use, origin, source }];
    const unknown: Resolved = { expr, range: use, origin, source };
    const m = REF.exec(this.textIn(source, expr.range) ?? '');
    if (!m || depth >= MAX_DEPTH) return [unknown];
    const root = m[1] as 'var' | 'local';
    const name = m[2]!;
    const defs = this.definitions(root, name, all);
    if (defs.length === 0) return [unknown];
    const out: Resolved[] = [];
    for (const def of defs) {
      const step = `${root}.${name}, ${this.describe(def)}`;
      const why = origin ? `${origin} → ${step}` : step;
      const defSource = def.file === this.fileName ? undefined : def.file;
      let value: HclExpr | undefined = def.expr;
      for (const s of m[3]!.matchAll(STEP)) value = value ? stepInto(value, s[1] ?? s[3], s[2] === undefined ? undefined : Number(s[2])) : undefined;
      if (!value) out.push({ ...unknown, origin: why });
      // `local.a = var.b`: followed on in whichever file the definition is written.
      else out.push(...this.follow(value, defSource, use, why, depth + 1, all));
    }
    return all ? out : out.slice(0, 1);
  }

  private describe(def: Definition): string {
    const here = def.file === this.fileName;
    switch (def.kind) {
      case 'default':
        return here ? `default at line ${def.line}` : `default in ${def.file}:${def.line}`;
      case 'locals':
        return here ? `set at line ${def.line}` : `set in ${def.file}:${def.line}`;
      case 'tfvars':
        return `${def.file}:${def.line}`;
    }
  }

  /** The definitions of `var.name` (effective one first, then -var-file alternatives) or `local.name`. */
  private definitions(root: 'var' | 'local', name: string, all: boolean): Definition[] {
    const own = (this.ownDecls ??= this.collectOwn());
    const folder = this.module ? moduleIndex(this.module).decls : undefined;
    const notMine = (d: Definition | undefined): Definition | undefined => (d && d.file !== this.fileName ? d : undefined);
    if (root === 'local') {
      const d = own.locals.get(name) ?? notMine(folder?.locals.get(name));
      return d ? [d] : [];
    }
    const effective = own.autoVars.get(name) ?? notMine(folder?.autoVars.get(name)) ?? own.defaults.get(name) ?? notMine(folder?.defaults.get(name));
    const out: Definition[] = effective ? [effective] : [];
    if (all) {
      out.push(...(own.namedVars.get(name) ?? []));
      for (const d of folder?.namedVars.get(name) ?? []) if (d.file !== this.fileName) out.push(d);
    }
    return out;
  }

  private collectOwn(): Declarations {
    const d = emptyDecls();
    collect(this.fileName, this.hcl.body, this.text, d);
    return d;
  }
}

function stepInto(expr: HclExpr, key: string | undefined, index: number | undefined): HclExpr | undefined {
  if (index !== undefined) return expr.type === 'tuple' ? expr.items[index] : undefined;
  if (expr.type !== 'object') return undefined;
  for (const item of expr.items) if (item.key === key) return item.value;
  return undefined;
}
