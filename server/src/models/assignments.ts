// The `assignments` facet: key/value pairs from YAML maps, env lists, Dockerfile ENV/ARG, K8s Secrets and Terraform.

import type { Dockerfile, Property } from '../parsers/dockerfile.js';
import { isMap, isPair, isScalar, isSeq, type Scalar } from 'yaml';
import { sliceEquals, type LineIndex } from '../core/text.js';
import type { FileKind, Range } from '../core/types.js';
import { decodeBase64 } from './secrets/checksums.js';
import { parseEntries, parseNetrc, parsePgpass, parseXmlCredentials, type TextFormat } from './text-file.js';
import { get, rangeOf, valueRange } from './yaml-nodes.js';
import { contentStamp } from '../parsers/yaml-incremental.js';

export type AssignmentSource =
  /** `key: value` in any YAML map (`env:`, `variables:`, `with:`, …) */
  | 'yaml'
  /** `- KEY=value` in a YAML list (compose `environment:` list form) */
  | 'yaml-list'
  /** `- name: KEY` / `value: …` in a Kubernetes container `env:` list */
  | 'k8s-env'
  /** `- name: KEY` / `value: …` in another list (Azure `variables:`) */
  | 'name-value'
  /** Kubernetes Secret `data:` (value base64-decoded) and `stringData:` */
  | 'k8s-secret-data'
  | 'k8s-secret-string'
  | 'dockerfile-env'
  | 'dockerfile-arg'
  | 'terraform-attribute'
  | 'terraform-variable-default'
  /** a `text` file's entry: `KEY=value` lines, a netrc password, a settings.xml `<password>` (see models/text-file.ts) */
  | 'text-entry';

export interface Assignment {
  readonly source: AssignmentSource;
  readonly key: string;
  readonly keyRange: Range;
  /** the value the consumer sees (unquoted, unescaped; base64-decoded for Secret `data:`). */
  readonly value: string;
  /** where the value is written (inside quotes when its characters are written as-is). */
  readonly valueRange: Range;
  /** the text at valueRange is exactly `value`, so offsets inside the value map onto the file. */
  readonly exact: boolean;
  /** YAML: keys from the document root to the map holding the pair (list indexes as numbers). */
  readonly path: readonly (string | number)[];
  /** YAML: the value's scalar node. */
  readonly node?: Scalar;
  /** YAML: the value is a number written as such (`PASSWORD: 123456`); `value` is its source text. */
  readonly numeric?: boolean;
  /** YAML: the top-level `kind:` of the document (`Secret`, `ConfigMap`, `Config` for a kubeconfig). */
  readonly docKind?: string;
  /** text files: the `[section]` or netrc machine the entry sits in. */
  readonly section?: string;
  /** Dockerfile: the instruction, its build stage (0-based) and how many properties it sets. */
  readonly instruction?: { readonly range: Range; readonly stage: number; readonly properties: number };
  /** Terraform: the enclosing block's header (`provider "aws"`), and the whole line of the attribute. */
  readonly block?: string;
  readonly lineRange?: Range;
}

export function buildAssignments(
  kind: FileKind,
  text: string,
  lines: LineIndex,
  yamlDocs: readonly { contents: unknown }[] | undefined,
  df: Dockerfile | undefined,
  textFormat?: TextFormat,
  path = '',
): Assignment[] {
  if (kind === 'dockerfile') return df ? dockerfileAssignments(df, lines, text) : [];
  if (kind === 'terraform') return terraformAssignments(text);
  if (kind === 'text' && textFormat !== 'yaml') return textAssignments(text, textFormat, /(?:^|[\\/])\.yarnrc$/.test(path));
  const out: Assignment[] = [];
  for (const doc of yamlDocs ?? []) {
    const docKind = scalarString(get(doc.contents, 'kind'));
    const secret = (kind === 'kubernetes' || kind === 'text') && docKind === 'Secret';
    walkYaml(doc.contents, [], text, out, secret, docKind);
  }
  return out;
}

function textAssignments(text: string, format: TextFormat | undefined, spaceSeparated: boolean): Assignment[] {
  const entries =
    format === 'entries' ? parseEntries(text, spaceSeparated)
    : format === 'netrc' ? parseNetrc(text)
    : format === 'pgpass' ? parsePgpass(text)
    : format === 'xml' ? parseXmlCredentials(text)
    : [];
  return entries.map((e) => ({
    source: 'text-entry' as const,
    key: e.key,
    keyRange: e.keyRange,
    value: e.value,
    valueRange: e.valueRange,
    exact: e.exact,
    path: e.section === undefined ? [] : [e.section],
    ...(e.section !== undefined && { section: e.section }),
  }));
}

function scalarString(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

function exactRange(node: Scalar, text: string, value: string): { range: Range; exact: boolean } {
  const range = valueRange(node, text);
  return { range, exact: sliceEquals(text, range.start, range.end, value) };
}

const LIST_ENTRY = /^([A-Za-z_][A-Za-z0-9_.-]*)=/;

const NUMBER_SOURCE = /^[-+]?\d[\d_]*(?:\.\d+)?$/;

/** The assignment with its document's `kind:` as its last property, when the document has one (no spread per pair). */
function ofDoc(a: { -readonly [K in keyof Assignment]: Assignment[K] }, docKind: string | undefined): Assignment {
  if (docKind !== undefined) a.docKind = docKind;
  return a;
}

/** Collections spanning fewer characters than this are walked every time: a memo would cost more than it saves. */
const MEMO_MIN = 1024;

interface WalkMemo {
  /** the collection's contentStamp, first offset and length when its list was made. */
  readonly stamp: number;
  readonly start: number;
  readonly length: number;
  /** the walk's arguments: the splice replaces one entry or item by one, so a kept collection keeps them (checked anyway). */
  readonly path: readonly (string | number)[];
  readonly secretDoc: boolean;
  readonly docKind: string | undefined;
  readonly list: readonly Assignment[];
}

/**
 * A large collection's assignments, for the next version of the document: a collection the incremental re-parse kept
 * with the same content stamp has the same nodes over the same characters, moved as a whole (decision 0006), so its
 * list is the earlier one, or copies moved by the difference (never changed in place: an earlier result may hold them).
 */
const WALKED = new WeakMap<object, WalkMemo>();

function walkYaml(node: unknown, path: (string | number)[], text: string, out: Assignment[], secretDoc: boolean, docKind: string | undefined, depth = 0): void {
  const r = (isMap(node) || isSeq(node)) && depth <= 64 ? node.range : undefined;
  if (!r || r[2] - r[0] < MEMO_MIN) return walkNode(node, path, text, out, secretDoc, docKind, depth);
  const coll = node as object;
  const stamp = contentStamp(coll);
  const memo = WALKED.get(coll);
  let list: readonly Assignment[];
  if (memo && memo.stamp === stamp && memo.length === r[2] - r[0] && memo.secretDoc === secretDoc && memo.docKind === docKind && samePath(memo.path, path)) {
    if (memo.start === r[0]) list = memo.list;
    else {
      list = memo.list.map((a) => moved(a, r[0] - memo.start));
      WALKED.set(coll, { ...memo, start: r[0], list });
    }
  } else {
    const fresh: Assignment[] = [];
    walkNode(node, path, text, fresh, secretDoc, docKind, depth);
    list = fresh;
    WALKED.set(coll, { stamp, start: r[0], length: r[2] - r[0], path, secretDoc, docKind, list });
  }
  for (const a of list) out.push(a);
}

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A copy of a YAML assignment `d` characters further on. */
function moved(a: Assignment, d: number): Assignment {
  return { ...a, keyRange: { start: a.keyRange.start + d, end: a.keyRange.end + d }, valueRange: { start: a.valueRange.start + d, end: a.valueRange.end + d } };
}

function walkNode(node: unknown, path: (string | number)[], text: string, out: Assignment[], secretDoc: boolean, docKind: string | undefined, depth: number): void {
  if (depth > 64) return;
  if (isMap(node)) {
    const secretSection = secretDoc && path.length === 1 && (path[0] === 'data' || path[0] === 'stringData');
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = pair.key.value;
      if (typeof key !== 'string') continue;
      const keyRange = rangeOf(pair.key);
      const v = pair.value;
      if (keyRange && isScalar(v) && typeof v.value === 'string') {
        const { range, exact } = exactRange(v, text, v.value);
        if (secretSection && path[0] === 'data') {
          const decoded = decodeBase64(v.value.replace(/\s+/g, ''));
          if (decoded !== undefined) out.push(ofDoc({ source: 'k8s-secret-data', key, keyRange, value: decoded, valueRange: range, exact: false, path, node: v }, docKind));
        } else {
          out.push(ofDoc({ source: secretSection ? 'k8s-secret-string' : 'yaml', key, keyRange, value: v.value, valueRange: range, exact, path, node: v }, docKind));
        }
      } else if (keyRange && isScalar(v) && typeof v.value === 'number' && v.type === 'PLAIN' && v.range) {
        // `MYSQL_ROOT_PASSWORD: 123456`: a password all the same, kept as written.
        const raw = text.slice(v.range[0], v.range[1]);
        if (NUMBER_SOURCE.test(raw)) out.push(ofDoc({ source: 'yaml', key, keyRange, value: raw, valueRange: { start: v.range[0], end: v.range[1] }, exact: true, path, node: v, numeric: true }, docKind));
      } else walkYaml(v, [...path, key], text, out, secretDoc, docKind, depth + 1);
    }
    // A Kubernetes env entry: `name: KEY` with a literal `value:` (and Azure's `variables:` list, which has the same shape).
    // (the list is looked at first: two key lookups in every map of the file were most of this walk's work)
    const list = path[path.length - 2];
    if (list !== 'env' && list !== 'variables') return;
    const name = get(node, 'name');
    const value = get(node, 'value');
    if (isScalar(name) && typeof name.value === 'string' && isScalar(value) && typeof value.value === 'string') {
      const keyRange = valueRange(name, text);
      const { range, exact } = exactRange(value, text, value.value);
      out.push(ofDoc({ source: list === 'env' ? 'k8s-env' : 'name-value', key: name.value, keyRange, value: value.value, valueRange: range, exact, path, node: value }, docKind));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      if (isScalar(item) && typeof item.value === 'string') {
        const m = LIST_ENTRY.exec(item.value);
        if (!m) return;
        const { range, exact } = exactRange(item, text, item.value);
        const key = m[1]!;
        const keyRange = exact ? { start: range.start, end: range.start + key.length } : range;
        const valueStart = exact ? range.start + m[0].length : range.start;
        out.push(ofDoc({ source: 'yaml-list', key, keyRange, value: item.value.slice(m[0].length), valueRange: exact ? { start: valueStart, end: range.end } : range, exact, path: [...path, i], node: item }, docKind));
      } else walkYaml(item, [...path, i], text, out, secretDoc, docKind, depth + 1);
    });
  }
}

function dockerfileAssignments(df: Dockerfile, lines: LineIndex, text: string): Assignment[] {
  const out: Assignment[] = [];
  let stage = -1;
  for (const ins of df.getInstructions()) {
    const keyword = ins.getKeyword();
    if (keyword === 'FROM') stage++;
    if (keyword !== 'ENV' && keyword !== 'ARG') continue;
    const props = (ins as unknown as { getProperties?: () => Property[] }).getProperties?.() ?? [];
    const r = ins.getRange();
    const insRange = { start: lines.offsetAt(r.start), end: lines.offsetAt(r.end) };
    for (const p of props) {
      const name = p.getName();
      const value = p.getValue();
      const vr = p.getValueRange();
      if (!name || value === null || !vr) continue;
      const nr = p.getNameRange();
      let valueRange = { start: lines.offsetAt(vr.start), end: lines.offsetAt(vr.end) };
      const raw = text.slice(valueRange.start, valueRange.end);
      if (raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0] && raw.slice(1, -1) === value) {
        valueRange = { start: valueRange.start + 1, end: valueRange.end - 1 };
      }
      out.push({
        source: keyword === 'ENV' ? 'dockerfile-env' : 'dockerfile-arg',
        key: name,
        keyRange: { start: lines.offsetAt(nr.start), end: lines.offsetAt(nr.end) },
        value,
        valueRange,
        exact: text.slice(valueRange.start, valueRange.end) === value,
        path: [],
        instruction: { range: insRange, stage: Math.max(stage, 0), properties: props.length },
      });
    }
  }
  return out;
}

/** Lines longer than this are generated data, not hand-written attributes. */
const MAX_TF_LINE = 4096;
const TF_ATTR = /^([ \t]*)"?([A-Za-z_][A-Za-z0-9_-]*)"?[ \t]*=[ \t]*"((?:[^"\\\r\n]|\\.)*)"[ \t]*(?:(?:#|\/\/).*)?$/;
const TF_BLOCK = /^[ \t]*([A-Za-z_][A-Za-z0-9_-]*)((?:[ \t]+"[^"\r\n]*")*)[ \t]*\{[ \t]*$/;
const TF_MAP = /^[ \t]*"?([A-Za-z_][A-Za-z0-9_-]*)"?[ \t]*=[ \t]*\{[ \t]*(?:(?:#|\/\/).*)?$/;

/**
 * A line-based scan of Terraform: `name = "literal"` attributes (and map entries) and `variable` defaults.
 * No HCL parse: it only needs to see literals on their own line, and must survive any half-typed file.
 * `prefilter: false` tries every pattern on every line (the reference the tests compare the shortcuts with).
 */
export function terraformAssignments(text: string, prefilter = true): Assignment[] {
  const out: Assignment[] = [];
  const stack: string[] = [];
  let heredoc: string | undefined;
  let inComment = false;
  let offset = 0;
  while (offset <= text.length) {
    let nl = text.indexOf('\n', offset);
    if (nl === -1) nl = text.length;
    const lineEnd = nl > offset && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const line = text.slice(offset, lineEnd);
    const start = offset;
    offset = nl + 1;
    if (line.length > MAX_TF_LINE) continue;
    const trimmed = line.trim();
    if (heredoc !== undefined) {
      if (trimmed === heredoc) heredoc = undefined;
      continue;
    }
    if (inComment) {
      if (line.includes('*/')) inComment = false;
      continue;
    }
    if (trimmed.startsWith('/*')) {
      if (!trimmed.includes('*/')) inComment = true;
      continue;
    }
    if (trimmed.startsWith('#') || trimmed.startsWith('//')) continue;
    // Each pattern is tried only on a line that has the characters it needs (most lines have none of them).
    const hd = !prefilter || line.includes('<<') ? /<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*$/.exec(line) : null;
    if (hd) {
      heredoc = hd[1];
      continue;
    }
    const block = !prefilter || endsWithBrace(line) ? TF_BLOCK.exec(line) : null;
    if (block) {
      stack.push(`${block[1]!}${block[2]!.replace(/[ \t]+/g, ' ')}`);
      continue;
    }
    const eq = !prefilter || line.includes('=');
    // `variables = {`: a map attribute, named in the stack as `variables=` (its entries are `KEY = "value"` lines)
    const map = eq && (!prefilter || line.includes('{')) ? TF_MAP.exec(line) : null;
    if (map) {
      stack.push(`${map[1]!}=`);
      continue;
    }
    const attr = eq && (!prefilter || line.includes('"')) ? TF_ATTR.exec(line) : null;
    if (attr) {
      const [, indent, key, raw] = attr as unknown as [string, string, string, string];
      const keyStart = start + indent.length + (line[indent.length] === '"' ? 1 : 0);
      const valueStart = line.indexOf('"', line.indexOf('=', indent.length + key.length)) + 1;
      const value = raw.replace(/\\(["\\])/g, '$1');
      const header = stack[stack.length - 1];
      const variable = header !== undefined && stack.length === 1 ? /^variable "([^"]*)"$/.exec(header) : null;
      const isDefault = variable !== null && key === 'default';
      out.push({
        source: isDefault ? 'terraform-variable-default' : 'terraform-attribute',
        key: isDefault ? variable[1]! : key,
        keyRange: { start: keyStart, end: keyStart + key.length },
        value,
        valueRange: { start: start + valueStart, end: start + valueStart + raw.length },
        exact: value === raw,
        path: [...stack],
        ...(header !== undefined && { block: header }),
        lineRange: { start, end: lineEnd },
      });
      continue;
    }
    // Keep the block stack in step with braces outside strings and comments (one pass, no backtracking).
    // An unterminated string (mid-edit) is not a string: its braces count, as they did before it was typed.
    // A line without a brace leaves the stack as it is.
    if (prefilter && !line.includes('{') && !line.includes('}')) continue;
    let open = -1;
    let strings = true;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (open !== -1) {
        if (ch === '\\') i++;
        else if (ch === '"') open = -1;
        if (open !== -1 && i >= line.length - 1) {
          i = open;
          open = -1;
          strings = false;
        }
        continue;
      }
      if (ch === '"' && strings) open = i;
      else if (ch === '#' || (ch === '/' && line[i + 1] === '/')) break;
      else if (ch === '{') stack.push('');
      else if (ch === '}') stack.pop();
    }
  }
  return out;
}

/** The line's last character before trailing blanks is `{` (which TF_BLOCK needs). */
function endsWithBrace(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i--;
  return i >= 0 && line.charCodeAt(i) === 123;
}

/** The Terraform line patterns, for the ReDoS check in the tests. */
export const ASSIGNMENT_PATTERNS: readonly RegExp[] = [TF_ATTR, TF_BLOCK, TF_MAP, LIST_ENTRY, NUMBER_SOURCE];
