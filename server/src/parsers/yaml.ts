// YAML parsing that never throws: every document of a stream, with source ranges and parse errors.
//
// What GitHub's and GitLab's own (lenient) parsers accept is accepted here too (docs/decisions/0005-lenient-yaml.md):
// - a lone CR is a line break (YAML 1.2 says so; `yaml` treats it as content), by reading it as LF, which keeps every
//   offset;
// - a flow collection whose continuation lines or closing bracket sit at or left of its key's column (`KEY: [` …
//   `]` at the parent's indentation, as libyaml and PyYAML allow) is re-read with those lines indented, and every range
//   is mapped back onto the text as written.
// A broken document reports its first error and how many followed, not a cascade.

import { parseAllDocuments, visit, type Document } from 'yaml';
import type { ParseError, Range } from '../core/types.js';
import { maskTemplateActions } from './go-template.js';
import { parseDocumentsFast } from './yaml-fast.js';

export interface YamlFile {
  readonly docs: readonly Document.Parsed[];
  readonly errors: readonly ParseError[];
  /**
   * Set when the text was parsed with its `{{ … }}` template actions masked (see go-template.ts): the lines that
   * held only actions. Node values that were actions start with `$___`.
   */
  readonly templateLines?: readonly Range[];
}

const OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: false, logLevel: 'error' } as const;
/** The options every parse uses (the incremental re-parse of a piece too: see yaml-incremental.ts). */
export const YAML_OPTIONS = OPTIONS;

/** Parses of the text exactly as written (no template masking, no CR rewrite, no re-indented retry). */
const plainParses = new WeakSet<YamlFile>();

/** Whether `file` parsed the text as written, so a piece of the text re-parsed alone reads the same. */
export function isPlainParse(file: YamlFile): boolean {
  return plainParses.has(file);
}

export function markPlainParse(file: YamlFile): void {
  plainParses.add(file);
}

/**
 * `templates`: parse Go-templated YAML (Helm charts) leniently, actions masked. `chart`: the file is a chart
 * template, whose YAML errors are not reported: it is YAML only once rendered, and errors in the masked text would
 * point at the template, not at a mistake.
 */
export function parseYaml(text: string, opts: { templates?: boolean; chart?: boolean } = {}): YamlFile {
  const masked = opts.templates ? maskTemplateActions(text) : undefined;
  if (masked) {
    const parsed = parseYaml(masked.text);
    return { docs: parsed.docs, errors: opts.chart ? [] : parsed.errors, templateLines: masked.blankedLines };
  }
  // LF for every lone CR: same length, so offsets into the source stay valid.
  const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  let docs = parseDocs(source);
  let plain = source === text && docs.ok;
  if (docs.ok && docs.docs.some((d) => d.errors.some((e) => e.code === 'BAD_INDENT' && /^Flow (?:sequence|mapping)/.test(e.message)))) {
    const retry = reindentFlows(source);
    if (retry) {
      const again = parseDocs(retry.text);
      // Kept only when the re-read is better: fewer errors than the strict reading.
      if (again.ok && countErrors(again.docs) < countErrors(docs.docs)) {
        for (const d of again.docs) remap(d, retry.toSource);
        docs = again;
        plain = false;
      }
    }
  }
  const errors: ParseError[] = docs.ok ? [] : [{ message: `YAML parser failed: ${docs.error}`, range: { start: 0, end: 0 } }];
  for (const doc of docs.docs) {
    const [first, ...rest] = doc.errors;
    if (!first) continue;
    // `yaml` may point one past the end of the text; keep ranges inside the document.
    const start = Math.min(Math.max(0, first.pos[0]), text.length);
    const end = Math.min(Math.max(start, first.pos[1]), text.length);
    const more = rest.length === 0 ? '' : ` (${rest.length} more problem${rest.length === 1 ? '' : 's'} after it in this document)`;
    errors.push({ message: `${message(first.message)}${more}`, range: { start, end } });
  }
  const file: YamlFile = { docs: docs.docs, errors };
  if (plain) plainParses.add(file);
  return file;
}

function parseDocs(text: string): { ok: true; docs: Document.Parsed[] } | { ok: false; docs: Document.Parsed[]; error: string } {
  // The common subset is read in one pass (the same Documents); anything else goes to `yaml` (decision 0008).
  const fast = parseDocumentsFast(text);
  if (fast) return { ok: true, docs: fast };
  try {
    const parsed = parseAllDocuments(text, OPTIONS);
    // An empty stream yields an EmptyStream (an array-like with no documents).
    return { ok: true, docs: Array.isArray(parsed) ? parsed : [] };
  } catch (e) {
    // `yaml` reports problems as errors on the document; a throw is a library bug, kept as one error.
    return { ok: false, docs: [], error: e instanceof Error ? e.message : String(e) };
  }
}

function countErrors(docs: readonly Document.Parsed[]): number {
  return docs.reduce((n, d) => n + d.errors.length, 0);
}

/**
 * First line of a `yaml` message, without source text it quotes: the error's range already points at it, and the
 * text may be a secret (`KEY: |AKIA…` is a bad block-scalar header quoting the key).
 */
function message(s: string): string {
  const i = s.indexOf('\n');
  const line = i === -1 ? s : s.slice(0, i);
  return line.replace(/^(Block scalar header includes extra characters): .*$/, '$1').replace(/ at line \d+, column \d+:?$/, '');
}

interface Reindented {
  readonly text: string;
  /** offset in `text` → offset in the source. */
  readonly toSource: (offset: number) => number;
}

/**
 * The source with every line inside a block-context flow collection indented past the column of the key (or `-`)
 * that opened it. A small scanner: quotes, comments and block scalars are skipped, nothing else is interpreted.
 */
export function reindentFlows(source: string): Reindented | undefined {
  const lines = source.split('\n');
  /** per line, how many spaces to insert at its start. */
  const pad = new Array<number>(lines.length).fill(0);
  let depth = 0;
  let need = 0;
  let quote: '"' | "'" | undefined;
  /** inside a block scalar: lines indented more than this belong to it. */
  let blockIndent = -1;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    if (depth > 0 && line.trim() !== '' && indent < need) pad[li] = need - indent;
    const content = contentColumn(line);
    /** the last character before `i` that is not a space (at depth 0), or '' at the line's start. */
    let prev = '';
    let headerTried = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (quote === '"' && c === '\\') i++;
        else if (c === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else quote = undefined;
        }
        continue;
      }
      if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) break;
      const valueStart = prev === '' || prev === ':' || prev === '-' || prev === ',' || prev === '[' || prev === '{';
      if ((c === '"' || c === "'") && (depth > 0 || valueStart)) quote = c;
      else if (c === '[' || c === '{') {
        if (depth === 0) {
          // Only a flow collection that starts a value (after `key: ` or `- `) is one; `a[0]` in a plain scalar is not.
          if (!valueStart) {
            prev = c;
            continue;
          }
          need = content + 1;
        }
        depth++;
      } else if ((c === ']' || c === '}') && depth > 0) depth--;
      else if (depth === 0 && (c === '|' || c === '>') && !headerTried && (prev === ':' || prev === '-' || prev === '')) {
        headerTried = true;
        if (/^[|>][-+0-9]{0,3}[ \t]*(?:#.*)?$/.test(line.slice(i))) {
          blockIndent = indent;
          break;
        }
      }
      if (c !== ' ' && c !== '\t') prev = c;
    }
  }
  if (pad.every((p) => p === 0)) return undefined;
  let text = '';
  /** transformed offsets where spaces were inserted, the source offset there, and the total inserted so far. */
  const at: number[] = [];
  const origin: number[] = [];
  const total: number[] = [];
  let sourceOffset = 0;
  let inserted = 0;
  for (let li = 0; li < lines.length; li++) {
    if (li > 0) text += '\n';
    const p = pad[li]!;
    if (p > 0) {
      at.push(text.length);
      origin.push(sourceOffset);
      inserted += p;
      total.push(inserted);
      text += ' '.repeat(p);
    }
    text += lines[li]!;
    sourceOffset += lines[li]!.length + 1;
  }
  const toSource = (t: number): number => {
    let lo = 0;
    let hi = at.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! <= t) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k === -1) return t;
    const padHere = total[k]! - (k > 0 ? total[k - 1]! : 0);
    // Inside the inserted spaces: the line's own start.
    if (t < at[k]! + padHere) return origin[k]!;
    return t - total[k]!;
  };
  return { text, toSource };
}

/** Column of a line's content after any `- ` sequence indicators (the key's column in `  - key: [`). */
function contentColumn(line: string): number {
  let i = 0;
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (line[i] === '-' && (line[i + 1] === ' ' || line[i + 1] === '\t')) i++;
    else return i;
  }
}

/** Moves every node range and error position of a document re-read from re-indented text back onto the source. */
function remap(doc: Document.Parsed, toSource: (n: number) => number): void {
  const fix = (r: [number, number, number] | undefined | null): void => {
    if (!r) return;
    r[0] = toSource(r[0]);
    r[1] = toSource(r[1]);
    r[2] = toSource(r[2]);
  };
  fix(doc.range);
  visit(doc, (_key, node) => {
    // A pair whose key or value is missing (`? ` alone, `[: x]`) is visited as null.
    fix((node as { range?: [number, number, number] | null } | null)?.range);
  });
  for (const e of [...doc.errors, ...doc.warnings]) {
    e.pos[0] = toSource(e.pos[0]);
    e.pos[1] = toSource(e.pos[1]);
  }
}
