// Measures the two HCL parser candidates (docs/decisions/0002-hcl-parser.md) on the corpus Terraform files: parse
// success, speed, and how many intact top-level blocks come out of files broken the way a user breaks them mid-edit.
//
// The hand-written parser is in the repository. web-tree-sitter and the HCL grammar are not dependencies (the grammar
// package runs node-gyp-build at install time); install them aside and point HCL_TREE_SITTER_DIR at that folder:
//
//   mkdir -p /tmp/hcl-ts && (cd /tmp/hcl-ts && npm init -y && npm install --ignore-scripts web-tree-sitter @tree-sitter-grammars/tree-sitter-hcl)
//   npm run compile && HCL_TREE_SITTER_DIR=/tmp/hcl-ts node out/scripts/measure-hcl.js

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseHcl } from '../server/src/parsers/hcl.js';

const REPO = resolve(__dirname, '..', '..');
const CORPUS = resolve(REPO, process.env['HCL_CORPUS'] ?? join('..', 'shared', 'corpus', 'terraform'));
const TS_DIR = process.env['HCL_TREE_SITTER_DIR'];
const TARGET_LINES = 16_000;

/** A top-level block as both candidates can describe it: type, labels, and its own attribute names. */
type Signature = string;

interface Candidate {
  readonly name: string;
  /** parse and return whether the parser reported any error, and the top-level block signatures. */
  parse(text: string): { ok: boolean; blocks: Signature[] };
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
    return { ok: f.errors.length === 0, blocks };
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
  walk(): { gotoFirstChild(): boolean; gotoNextSibling(): boolean; gotoParent(): boolean; delete(): void };
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
      tree.delete();
      return { ok, blocks };
    },
    time(text) {
      const tree = parser.parse(text)!;
      // Visit every node once, as building a model from the tree must.
      const cursor = tree.walk();
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
  out.push({ kind: 'unfinished attribute (`x =`)', text: insertAfterHeader('  x =\n'), intact: others });
  out.push({ kind: 'unterminated string (`x = "ab`)', text: insertAfterHeader('  x = "ab\n'), intact: others });
  out.push({ kind: 'unclosed object (`x = {`)', text: insertAfterHeader('  x = {\n'), intact: others });
  out.push({ kind: 'unclosed call (`x = merge(`)', text: insertAfterHeader('  x = merge(\n'), intact: others });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Measurement

let sink = 0;

function main(): Promise<void> | void {
  if (!existsSync(CORPUS)) {
    console.log(`skipped: no corpus at ${CORPUS}`);
    return;
  }
  return treeSitter().then((ts) => {
    const files = walk(CORPUS).map((p) => readFileSync(p, 'utf8'));
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
  for (const t of files) if (c.parse(t).ok) clean++;
  console.log(`parse without error: ${clean}/${files.length}`);

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

function signature(type: string, labels: readonly string[], attrs: readonly string[]): Signature {
  return `${type} ${labels.map((l) => JSON.stringify(l)).join(' ')} [${attrs.join(',')}]`;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.tf(vars)?$/.test(e.name)) out.push(p);
  }
  return out;
}

function concatenate(files: readonly string[]): string {
  const parts: string[] = [];
  let lines = 0;
  for (let i = 0; lines < TARGET_LINES && files.length > 0; i++) {
    const t = files[i % files.length]!;
    parts.push(t.endsWith('\n') ? t : `${t}\n`);
    lines += lineCount(t);
  }
  return parts.join('');
}

function lineCount(t: string): number {
  let n = t.length > 0 && !t.endsWith('\n') ? 1 : 0;
  for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) n++;
  return n;
}

function timeNs(work: () => void): number {
  const t0 = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - t0);
}

function best(runs: number, work: () => void): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) min = Math.min(min, timeNs(work));
  return min;
}

function pct(a: number, b: number): string {
  return b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`;
}

void main();
