// Re-parsing YAML after an edit without parsing it all: only the smallest block-mapping entry or sequence item (at
// most the document) that contains the edit is parsed again, on its own, and spliced into the previous tree; every
// range after it moves by the edit's length. Whenever the splice could differ from a full parse, the answer is
// undefined and the caller parses the whole text (docs/decisions/0006-incremental-analysis.md).
//
// Why a piece parsed alone reads the same as in the whole text: the piece is cut at line starts, so every column is
// the same; it ends where the next sibling starts (at the piece's own column), which no content of the piece can run
// into; it must come out as exactly one entry (same key) or one item at the same column, with no error or warning;
// and anchors, aliases and directives (which tie one part of a stream to another) send everything to a full parse.

import { isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, parseAllDocuments, visit, type Document, type Node, type Pair } from 'yaml';
import { isPlainParse, markPlainParse, YAML_OPTIONS, type YamlFile } from './yaml.js';
import { lineStartOf, textChange, type TextChange } from '../core/text.js';
import { isFastSelfContained, parseDocumentsFast } from './yaml-fast.js';

type Range3 = [number, number, number];

/**
 * How many times the re-parse changed a kept collection's content in place (a piece below it was spliced in); 0 for a
 * collection it never changed. A collection with the same stamp as before holds the same nodes over the same
 * characters, moved as a whole when the edit was before it: work derived from its subtree alone can be kept
 * (models/assignments.ts). Every node of a piece parsed again, and of a full parse, is a new object.
 */
const stamps = new WeakMap<object, number>();

export function contentStamp(node: object): number {
  return stamps.get(node) ?? 0;
}

/** Documents known to hold no anchor, alias or tag (so no part of them depends on another part). */
const selfContained = new WeakMap<Document.Parsed, boolean>();

/**
 * The parse of `after`, built from `previous` (the plain parse of `before`), or undefined when only a full parse is
 * sure to be right. On success `previous` is consumed: its documents are the result's, changed in place.
 */
export function reparseYaml(previous: YamlFile, before: string, after: string): YamlFile | undefined {
  if (!isPlainParse(previous) || previous.docs.length === 0) return undefined;
  // the same text (a re-analysis after a settings change): the parse stands, and stays a plain one for the next edit
  if (before === after) return previous;
  // Directives (`%TAG`) give meaning to tags elsewhere in the stream.
  if (after.charCodeAt(0) === 37 /* % */ || after.includes('\n%')) return undefined;
  const change = textChange(before, after);
  const docs = previous.docs;
  for (const d of docs) if (d.errors.length > 0 || d.warnings.length > 0 || !isSelfContained(d)) return undefined;

  const docIndex = docs.findIndex((d, i) => change.start >= docStart(docs, i) && change.oldEnd < docEnd(docs, i, before.length));
  if (docIndex === -1) return undefined;
  const doc = docs[docIndex]!;
  const piece = innermostPiece(doc, change, before);
  const delta = change.newEnd - change.oldEnd;

  if (piece) {
    const regionEnd = piece.end + delta;
    let text = after.slice(piece.start, regionEnd);
    if (hasLoneCr(text)) return undefined;
    // A piece whose last content line is a comment: in the whole text every collection that ends there reaches to the
    // next sibling's key, the indentation before it included (the comment lines and that indentation are read as the
    // collection's end); so the piece is cut there too, the indentation of the next line included.
    if (endsInComment(text)) text = after.slice(piece.start, regionEnd + piece.column);
    const parsed = parseAlone(text);
    if (!parsed) return undefined;
    const root = parsed.contents;
    let replacement: Node | Pair;
    if (piece.kind === 'pair') {
      if (!isMap(root) || root.flow || root.items.length !== 1) return undefined;
      const pair = root.items[0]!;
      const oldKey = piece.parent.items[piece.index] as Pair;
      if (!isScalar(pair.key) || !isScalar(oldKey.key) || pair.key.value !== oldKey.key.value) return undefined;
      if (pair.key.range![0] !== piece.column) return undefined;
      replacement = pair;
    } else {
      if (!isSeq(root) || root.flow || root.items.length !== 1 || root.range![0] !== piece.column) return undefined;
      const item = root.items[0];
      if (!isNode(item)) return undefined;
      replacement = item;
    }
    // From here on the previous tree is changed; nothing below can fail.
    shiftAfter(doc, piece.end, delta, piece.node);
    for (let i = docIndex + 1; i < docs.length; i++) shiftAfter(docs[i]!, piece.end, delta, undefined);
    shiftAll(replacement, piece.start);
    (piece.parent.items as unknown[])[piece.index] = replacement;
    for (const c of piece.ancestors) stamps.set(c, contentStamp(c) + 1);
    // Views of a document are cached per Document object (models/github-workflow.ts and others): every document
    // that changed or moved is a new object, the ones before the edit keep theirs.
    const out: YamlFile = { docs: docs.map((d, i) => (i < docIndex ? d : renewed(d))), errors: [] };
    markPlainParse(out);
    return out;
  }

  // The edit is at the document's top level: re-read that document alone (a stream of several documents only).
  if (docs.length === 1) return undefined;
  const start = docStart(docs, docIndex);
  const end = docEnd(docs, docIndex, before.length) + delta;
  const text = after.slice(start, end);
  if (hasLoneCr(text)) return undefined;
  const parsed = parseAlone(text);
  if (!parsed) return undefined;
  // A document cut out of a stream starts with its `---` (all but the first) and so must the re-read one.
  if (docIndex > 0 && !text.startsWith('---')) return undefined;
  shiftAll(parsed, start);
  for (let i = docIndex + 1; i < docs.length; i++) shiftAfter(docs[i]!, docEnd(docs, docIndex, before.length), delta, undefined);
  const next = docs.map((d, i) => (i <= docIndex ? d : renewed(d)));
  next[docIndex] = parsed;
  selfContained.set(parsed, true);
  const out: YamlFile = { docs: next, errors: [] };
  markPlainParse(out);
  return out;
}

/** A new Document object over the same (changed) tree, for caches keyed by the document. */
function renewed(doc: Document.Parsed): Document.Parsed {
  const copy = Object.create(Object.getPrototypeOf(doc) as object, Object.getOwnPropertyDescriptors(doc)) as Document.Parsed;
  selfContained.set(copy, true);
  return copy;
}

/** One document parsed alone, clean (no error, warning, anchor, alias or tag), or undefined. */
function parseAlone(text: string): Document.Parsed | undefined {
  // The fast reader yields no tag and gives up on anything yaml reports: a clean read, self-contained unless it saw an
  // anchor or an alias (then, as for yaml's parse below, only a full parse is sure to be right).
  const fast = parseDocumentsFast(text);
  if (fast) {
    if (fast.length !== 1) return undefined;
    if (!isFastSelfContained(fast)) return undefined;
    const doc = fast[0]!;
    selfContained.set(doc, true);
    return doc;
  }
  let parsed;
  try {
    parsed = parseAllDocuments(text, YAML_OPTIONS);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 1) return undefined;
  const doc = parsed[0]!;
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  return isSelfContained(doc) ? doc : undefined;
}

function isSelfContained(doc: Document.Parsed): boolean {
  let known = selfContained.get(doc);
  if (known === undefined) {
    known = true;
    visit(doc, (_key, node) => {
      if (isAlias(node) || ((isScalar(node) || isCollection(node)) && (node.anchor !== undefined || node.tag !== undefined))) {
        known = false;
        return visit.BREAK;
      }
      return undefined;
    });
    selfContained.set(doc, known);
  }
  return known;
}

function docStart(docs: readonly Document.Parsed[], i: number): number {
  return i === 0 ? 0 : docs[i]!.range[0];
}

function docEnd(docs: readonly Document.Parsed[], i: number, length: number): number {
  return i + 1 < docs.length ? docs[i + 1]!.range[0] : length;
}

interface Piece {
  readonly kind: 'pair' | 'item';
  /** the collection holding it, and where. */
  readonly parent: { items: unknown[] };
  readonly index: number;
  /** the node replaced: the entry's value (and key) or the item. */
  readonly node: Node | Pair;
  /** line start of the entry's key or the item's `-`, and the line start of its next sibling. */
  readonly start: number;
  readonly end: number;
  /** column of the key or `-` (relative to `start`). */
  readonly column: number;
  /** the collections from the document's root down to `parent`: their content changes with the splice. */
  readonly ancestors: readonly object[];
}

/**
 * The deepest block-mapping entry or block-sequence item that holds the whole change and has a next sibling (whose
 * line start bounds it). Only entries with a plain one-line scalar key alone on its line count, and items whose `-`
 * starts its line.
 */
function innermostPiece(doc: Document.Parsed, change: TextChange, text: string): Piece | undefined {
  let found: Piece | undefined;
  let node: unknown = doc.contents;
  const path: object[] = [];
  for (let depth = 0; depth < 64 && isCollection(node) && !node.flow; depth++) {
    path.push(node);
    const items = node.items as unknown[];
    let next: unknown;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const start = itemStart(item);
      const following = items[i + 1];
      const end = following === undefined ? undefined : itemStart(following);
      if (start === undefined) return found;
      const lineStart = lineStartOf(text, start);
      const nextLine = end === undefined ? undefined : lineStartOf(text, end);
      if (change.start < lineStart) return found;
      if (nextLine !== undefined && change.oldEnd >= nextLine) continue;
      // This item holds the change (or is the last one, which is not bounded and so only descended into).
      const prefix = text.slice(lineStart, start);
      const isPairItem = isPair(item);
      const clean = isPairItem ? /^ *$/.test(prefix) : /^ *- +$/.test(prefix) || /^ *-$/.test(prefix);
      if (end !== undefined && nextLine !== undefined && clean && (!isPairItem || isScalar((item as Pair).key))) {
        // The next sibling must start its own line at the same column.
        const nextPrefix = text.slice(nextLine, end);
        const sameColumn = isPairItem ? nextPrefix.length === start - lineStart && /^ *$/.test(nextPrefix) : /^ *- *$/.test(nextPrefix) && nextPrefix.indexOf('-') === prefix.indexOf('-');
        if (sameColumn && nextLine > change.oldEnd) {
          found = {
            kind: isPairItem ? 'pair' : 'item',
            parent: node as { items: unknown[] },
            index: i,
            node: item as Node | Pair,
            start: lineStart,
            end: nextLine,
            column: isPairItem ? start - lineStart : prefix.indexOf('-'),
            ancestors: path.slice(),
          };
        }
      }
      next = isPairItem ? (item as Pair).value : item;
      break;
    }
    node = next;
  }
  return found;
}

/** Where an entry (its key) or an item starts; for items, their node's start (after the `-`). */
function itemStart(item: unknown): number | undefined {
  if (isPair(item)) return isNode(item.key) ? item.key.range?.[0] : undefined;
  return isNode(item) ? item.range?.[0] : undefined;
}

/**
 * Whether the last line with content is a comment. A collection that ends in a comment reaches, in the whole text, to
 * the next sibling's key (its indentation included); parsed alone up to the next line's start it would stop there.
 * (A block scalar's last line that starts with `#` counts too; cut at the same place, it reads the same either way.)
 */
function endsInComment(text: string): boolean {
  // Each line is [start, end), its line break included; start < end always (lastIndexOf clamps a negative index to 0).
  for (let end = text.length; end > 0; ) {
    const start = end >= 2 ? text.lastIndexOf('\n', end - 2) + 1 : 0;
    const line = text.slice(start, end).trim();
    if (line !== '') return line.startsWith('#');
    end = start;
  }
  return false;
}

function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

function shiftRange(r: Range3 | null | undefined, from: number, delta: number): void {
  if (!r) return;
  if (r[0] >= from) r[0] += delta;
  if (r[1] >= from) r[1] += delta;
  if (r[2] >= from) r[2] += delta;
}

/** Moves every offset at or after `from` by `delta`, skipping `replaced` (about to go) and subtrees ending before `from`. */
function shiftAfter(doc: Document.Parsed, from: number, delta: number, replaced: Node | Pair | undefined): void {
  if (delta === 0) return;
  shiftRange(doc.range, from, delta);
  visit(doc, (_key, node) => {
    if (node === replaced) return visit.SKIP;
    if (isNode(node)) {
      const r = node.range as Range3 | null | undefined;
      if (r && r[2] < from) return visit.SKIP;
      shiftRange(r, from, delta);
    }
    return undefined;
  });
}

/** Moves every offset of a tree parsed alone by `offset` (where its text starts in the file). */
function shiftAll(tree: Document.Parsed | Node | Pair, offset: number): void {
  if (offset === 0) return;
  const move = (r: Range3 | null | undefined): void => {
    if (!r) return;
    r[0] += offset;
    r[1] += offset;
    r[2] += offset;
  };
  if (isPair(tree)) {
    if (isNode(tree.key)) shiftAll(tree.key, offset);
    if (isNode(tree.value)) shiftAll(tree.value, offset);
    return;
  }
  if (!isNode(tree)) move((tree as Document.Parsed).range);
  visit(tree as Node, (_key, node) => {
    if (isNode(node)) move(node.range as Range3 | null | undefined);
  });
}
