// Measures the two HCL parser candidates (docs/decisions/0002-hcl-parser.md) on the corpus Terraform files: parse
// success, speed, and how many intact top-level blocks come out of files broken the way a user breaks them mid-edit.
//
// The hand-written parser is in the repository. web-tree-sitter and the HCL grammar are not dependencies (the grammar
// package runs node-gyp-build at install time); install them aside and point HCL_TREE_SITTER_DIR at that folder:
//
//   mkdir -p /tmp/hcl-ts && (cd /tmp/hcl-ts && npm init -y && npm install --ignore-scripts web-tree-sitter @tree-sitter-grammars/tree-sitter-hcl)
//   npm run compile && HCL_TREE_SITTER_DIR=/tmp/hcl-ts node out/scripts/measure-hcl.js

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseHcl, type HclBody, type HclExpr } from '../server/src/parsers/hcl.js';
import { best, concatenate, lineCount, terraformFiles, timeNs } from './bench-hcl.js';

const REPO = resolve(__dirname, '..', '..');
const CORPUS = resolve(REPO, process.env['HCL_CORPUS'] ?? join('..', 'shared', 'corpus', 'terraform'));
const TS_DIR = process.env['HCL_TREE_SITTER_DIR'];

/** A top-level block as both candidates can describe it: type, labels, and its own attribute names. */
type Signature = string;

interface Candidate {
  readonly name: string;
  /** parse and return whether the parser reported any error, and the top-level block signatures. */
  parse(text: string): { ok: boolean; blocks: Signature[]; tree: string };
  /** the bare parse (and, for tree-sitter, a full walk of the tree, which building a model needs). */
  time(text: string): void;
  /** the bare parse, when `time` does more. */
  parseOnly?(text: string): void;
}

// ---------------------------------------------------------------------------------------------------------------
// Candidate 1: the hand-written parser.

const handWritten: Candidate = {
  name: 'hand-written (server/src/parsers/hcl.ts)',
  parse(text) {
    const f = parseHcl(text);
    const blocks: Signature[] = [];
    for (const item of f.body.items) {
      if (item.kind !== 'block') continue;
      const attrs = item.body.items.filter((a) => a.kind === 'attribute').map((a) => a.name);
      blocks.push(signature(item.type, item.labels.map((l) => l.value), attrs));
    }
    return { ok: f.errors.length === 0, blocks, tree: nestedOf(f.body) };
  },
  time(text) {
    sink += parseHcl(text).body.items.length;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Candidate 2: web-tree-sitter with the HCL grammar (typed by hand: only what this script uses).

interface TsNode {
  readonly type: string;
  readonly text: string;
  readonly hasError: boolean;
  readonly namedChildren: (TsNode | null)[];
  readonly childCount: number;
}
interface TsTree {
  readonly rootNode: TsNode;
  delete(): void;
  terraformFiles(): { gotoFirstChild(): boolean; gotoNextSibling(): boolean; gotoParent(): boolean; delete(): void };
}
interface TsParser {
  setLanguage(lang: unknown): void;
  parse(text: string): TsTree | null;
}
interface TsModule {
  Parser: { init(): Promise<void>; new (): TsParser };
  Language: { load(path: string): Promise<unknown> };
}

async function treeSitter(): Promise<{ candidate: Candidate; initMs: number } | undefined> {
  if (!TS_DIR) return undefined;
  const req = createRequire(join(resolve(TS_DIR), 'package.json'));
  const t0 = process.hrtime.bigint();
  const ts = req('web-tree-sitter') as TsModule;
  await ts.Parser.init();
  const lang = await ts.Language.load(req.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm'));
  const parser = new ts.Parser();
  parser.setLanguage(lang);
  const initMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const stringValue = (n: TsNode): string => n.text.replace(/^"|"$/g, '');
  /** Blocks and attribute names at every depth, with each attribute's value kind, like nestedOf. */
  const tsNested = (body: TsNode): string =>
    body.namedChildren
      .filter((c): c is TsNode => c !== null)
      .map((c) => {
        if (c.type === 'attribute') {
          const expr = c.namedChildren[1];
          return `${c.namedChildren[0]?.text ?? ''}=${tsKind(expr ?? null)}`;
        }
        if (c.type !== 'block') return '';
        const kids = c.namedChildren.filter((k): k is TsNode => k !== null);
        const labels = kids.filter((k, i) => i > 0 && (k.type === 'string_lit' || k.type === 'identifier')).map(stringValue);
        const inner = kids.find((k) => k.type === 'body');
        return `${kids[0]?.text ?? ''}(${labels.join(',')}){${inner ? tsNested(inner) : ''}}`;
      })
      .filter((x) => x !== '')
      .join(';');
  const candidate: Candidate = {
    name: 'web-tree-sitter + @tree-sitter-grammars/tree-sitter-hcl',
    parse(text) {
      const tree = parser.parse(text)!;
      const root = tree.rootNode;
      const body = root.namedChildren.find((c) => c?.type === 'body');
      const blocks: Signature[] = [];
      for (const child of body?.namedChildren ?? []) {
        if (child?.type !== 'block') continue;
        const kids = child.namedChildren.filter((k): k is TsNode => k !== null);
        const type = kids[0]?.type === 'identifier' ? kids[0].text : '';
        const labels = kids.filter((k, i) => i > 0 && (k.type === 'string_lit' || k.type === 'identifier')).map(stringValue);
        const inner = kids.find((k) => k.type === 'body');
        const attrs = (inner?.namedChildren ?? [])
          .filter((a): a is TsNode => a?.type === 'attribute')
          .map((a) => a.namedChildren[0]?.text ?? '');
        blocks.push(signature(type, labels, attrs));
      }
      const ok = !root.hasError;
      const nested = body ? tsNested(body) : '';
      tree.delete();
      return { ok, blocks, tree: nested };
    },
    time(text) {
      const tree = parser.parse(text)!;
      // Visit every node once, as building a model from the tree must.
      const cursor = tree.terraformFiles();
      let n = 0;
      let done = false;
      while (!done) {
        n++;
        if (cursor.gotoFirstChild()) continue;
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) {
            done = true;
            break;
          }
        }
      }
      cursor.delete();
      tree.delete();
      sink += n;
    },
    parseOnly(text) {
      const tree = parser.parse(text)!;
      sink += tree.rootNode.childCount;
      tree.delete();
    },
  };
  return { candidate, initMs };
}

// ---------------------------------------------------------------------------------------------------------------
// Broken files: each keeps a known set of intact top-level blocks.

interface Mutation {
  readonly kind: string;
  readonly text: string;
  /** signatures of the top-level blocks the edit left untouched. */
  readonly intact: Signature[];
}

interface CleanBlock {
  readonly sig: Signature;
  readonly start: number;
  readonly end: number;
  readonly headerEnd: number;
}

/** The clean file's top-level blocks, from the hand-written parser (both parse the clean corpus the same way). */
function cleanBlocks(text: string): CleanBlock[] {
  const out: CleanBlock[] = [];
  for (const item of parseHcl(text).body.items) {
    if (item.kind !== 'block') continue;
    const attrs = item.body.items.filter((a) => a.kind === 'attribute').map((a) => a.name);
    out.push({ sig: signature(item.type, item.labels.map((l) => l.value), attrs), start: item.range.start, end: item.range.end, headerEnd: item.body.range.start });
  }
  return out;
}

function mutations(text: string): Mutation[] {
  const blocks = cleanBlocks(text);
  if (blocks.length < 2) return [];
  const out: Mutation[] = [];
  const lines = text.split('\n');
  // Truncation mid-line at 25 %, 50 %, 75 % of the lines.
  for (const frac of [0.25, 0.5, 0.75]) {
    const line = Math.floor(lines.length * frac);
    let cut = 0;
    for (let i = 0; i < line; i++) cut += lines[i]!.length + 1;
    cut += Math.floor((lines[line]?.length ?? 0) / 2);
    out.push({ kind: `truncated at ${frac * 100}%`, text: text.slice(0, cut), intact: blocks.filter((b) => b.end <= cut).map((b) => b.sig) });
  }
  // Edits inside the middle block: the blocks before and after it are intact.
  const k = Math.floor(blocks.length / 2);
  const target = blocks[k]!;
  const others = blocks.filter((_, i) => i !== k).map((b) => b.sig);
  const insertAfterHeader = (line: string): string => {
    const at = text.indexOf('\n', target.headerEnd - 1);
    const pos = at === -1 || at >= target.end ? target.headerEnd : at + 1;
    return text.slice(0, pos) + line + text.slice(pos);
  };
  if (text[target.end - 1] === '}') {
    out.push({ kind: 'closing brace deleted', text: text.slice(0, target.end - 1) + text.slice(target.end), intact: others });
  }
  // Typing in the middle of a file: the block is cut half-way through a line, the blocks after it stay.
  const mid = target.headerEnd + Math.floor((target.end - target.headerEnd) / 2);
  out.push({ kind: 'block cut half-way, rest kept', text: `${text.slice(0, mid)}\n${text.slice(target.end)}`, intact: others });
  out.push({ kind: 'unfinished attribute (`x =`)', text: insertAfterHeader('  x =\n'), intact: others });
  out.push({ kind: 'unterminated string (`x = "ab`)', text: insertAfterHeader('  x = "ab\n'), intact: others });
  out.push({ kind: 'unclosed object (`x = {`)', text: insertAfterHeader('  x = {\n'), intact: others });
  out.push({ kind: 'unclosed call (`x = merge(`)', text: insertAfterHeader('  x = merge(\n'), intact: others });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Measurement

let sink = 0;
let firstTrees: string[] | undefined;

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `${a.slice(Math.max(0, i - 60), i + 60)}\n    vs\n    ${b.slice(Math.max(0, i - 60), i + 60)}`;
}

function main(): Promise<void> | void {
  if (!existsSync(CORPUS)) {
    console.log(`skipped: no corpus at ${CORPUS}`);
    return;
  }
  return treeSitter().then((ts) => {
    const files = terraformFiles(CORPUS).map((p) => readFileSync(p, 'utf8'));
    const totalLines = files.reduce((n, t) => n + lineCount(t), 0);
    const big = concatenate(files);
    console.log(`corpus: ${files.length} Terraform files, ${totalLines} lines (${CORPUS})`);
    console.log(`large file: ${lineCount(big)} lines, ${big.length} chars (corpus files concatenated)`);
    if (!ts) console.log('tree-sitter: skipped (set HCL_TREE_SITTER_DIR, see the header of this script)');
    else console.log(`tree-sitter: async init (Parser.init + Language.load) ${ts.initMs.toFixed(1)} ms`);
    const candidates = ts ? [handWritten, ts.candidate] : [handWritten];
    const broken = files.flatMap(mutations);
    for (const c of candidates) report(c, files, totalLines, big, broken);
    if (sink === -1) console.log('');
  });
}

function report(c: Candidate, files: readonly string[], totalLines: number, big: string, broken: readonly Mutation[]): void {
  console.log('');
  console.log(`== ${c.name}`);
  let clean = 0;
  let agree = 0;
  const trees: string[] = [];
  for (const t of files) {
    const r = c.parse(t);
    if (r.ok) clean++;
    trees.push(r.tree);
    // The broken-file baseline comes from the hand-written parser: check both see the clean files alike.
    if (JSON.stringify(r.blocks) === JSON.stringify(cleanBlocks(t).map((b) => b.sig))) agree++;
  }
  console.log(`parse without error: ${clean}/${files.length}`);
  console.log(`same top-level blocks (type, labels, attribute names) as the baseline on clean files: ${agree}/${files.length}`);
  if (!firstTrees) firstTrees = trees;
  else {
    const same = trees.filter((t, i) => t === firstTrees![i]).length;
    console.log(`same nested structure (blocks, labels, attribute names and value kinds at every depth) as the first candidate: ${same}/${files.length}`);
    const diff = trees.findIndex((t, i) => t !== firstTrees![i]);
    if (diff !== -1) console.log(`  first difference in file #${diff}:\n    ${firstDifference(firstTrees[diff]!, trees[diff]!)}`);
  }

  for (const t of files) c.time(t); // warm-up
  const corpusNs = best(5, () => files.forEach((t) => c.time(t)));
  console.log(`corpus parse (best of 5): ${(corpusNs / 1e6).toFixed(1)} ms = ${(corpusNs / 1e6 / files.length).toFixed(3)} ms/file, ${(corpusNs / 1e6 / (totalLines / 1000)).toFixed(2)} ms per 1,000 lines`);
  const bigNs: number[] = [];
  for (let i = 0; i < 15; i++) bigNs.push(timeNs(() => c.time(big)));
  bigNs.sort((a, b) => a - b);
  if (c.parseOnly) {
    const only = c.parseOnly.bind(c);
    const ns = best(5, () => files.forEach((t) => only(t)));
    console.log(`  of which the bare parse, without walking the tree: ${(ns / 1e6 / (totalLines / 1000)).toFixed(2)} ms per 1,000 lines; ${lineCount(big)}-line file best ${(best(5, () => only(big)) / 1e6).toFixed(1)} ms`);
  }
  console.log(`${lineCount(big)}-line file: median ${(bigNs[7]! / 1e6).toFixed(1)} ms, best ${(bigNs[0]! / 1e6).toFixed(1)} ms (15 runs)`);

  const byKind = new Map<string, { files: number; intact: number; recovered: number; allRecovered: number }>();
  for (const m of broken) {
    const got = c.parse(m.text).blocks;
    const pool = new Map<string, number>();
    for (const s of got) pool.set(s, (pool.get(s) ?? 0) + 1);
    let recovered = 0;
    for (const s of m.intact) {
      const n = pool.get(s) ?? 0;
      if (n > 0) {
        recovered++;
        pool.set(s, n - 1);
      }
    }
    const row = byKind.get(m.kind) ?? { files: 0, intact: 0, recovered: 0, allRecovered: 0 };
    row.files++;
    row.intact += m.intact.length;
    row.recovered += recovered;
    if (recovered === m.intact.length) row.allRecovered++;
    byKind.set(m.kind, row);
  }
  console.log('broken mid-edit: intact top-level blocks recovered (same type, labels and attribute names)');
  for (const [kind, r] of byKind) {
    console.log(`  ${kind.padEnd(32)} ${pct(r.recovered, r.intact)} of ${r.intact} blocks; every intact block in ${r.allRecovered}/${r.files} files`);
  }
}

/** What kind of value an expression is, in terms both trees can tell apart: literal string, other literal, or unknown. */
function nestedOf(body: HclBody): string {
  return body.items
    .map((i) =>
      i.kind === 'attribute'
        ? `${i.name}=${kindOf(i.value)}`
        : `${i.type}(${i.labels.map((l) => l.value).join(',')}){${nestedOf(i.body)}}`,
    )
    .join(';');
}

function kindOf(e: HclExpr): string {
  if (e.type === 'string') return e.heredoc ? 'heredoc' : 'string';
  if (e.type === 'template') return e.heredoc ? 'heredoc' : 'template';
  if (e.type === 'number' || e.type === 'bool' || e.type === 'null') return 'scalar';
  if (e.type === 'tuple' || e.type === 'object') return e.type;
  if (e.type === 'call') return 'call';
  if (e.type === 'for') return 'for';
  return 'other';
}

function tsKind(expr: TsNode | null): string {
  // expression -> (literal_value (string_lit …)) | (template_expr (heredoc_template …)) | (collection_value (tuple|object)) | (function_call) | (for_expr) …
  let n = expr;
  while (n && n.type === 'expression' && n.namedChildren.length === 1) n = n.namedChildren[0] ?? null;
  if (!n) return 'other';
  if (n.type === 'literal_value') {
    const lit = n.namedChildren[0];
    if (lit?.type === 'string_lit') return lit.namedChildren.some((k) => k?.type === 'template_interpolation' || k?.type === 'template_directive') ? 'template' : 'string';
    return 'scalar';
  }
  if (n.type === 'template_expr') return n.namedChildren[0]?.type === 'heredoc_template' ? 'heredoc' : 'template';
  if (n.type === 'collection_value') return n.namedChildren[0]?.type ?? 'other';
  if (n.type === 'function_call') return 'call';
  if (n.type === 'for_expr') return 'for';
  return 'other';
}

function signature(type: string, labels: readonly string[], attrs: readonly string[]): Signature {
  return `${type} ${labels.map((l) => JSON.stringify(l)).join(' ')} [${attrs.join(',')}]`;
}

function pct(a: number, b: number): string {
  return b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`;
}

void main();
