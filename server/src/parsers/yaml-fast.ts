// A one-pass reader for the plain block YAML that pipelines are made of, building the same Documents as `yaml`'s
// parseAllDocuments (lexer -> CST -> composer) several times faster; anything outside its subset, or any doubt, gives
// up (undefined) and the caller parses with `yaml` (docs/decisions/0008-fast-yaml.md).
//
// The subset: block mappings and sequences (compact `- key: v` maps and `- - x` included), one-line plain, single- and
// double-quoted scalars, `|`/`>` block scalars (with `-` chomping), one-line flow collections of scalars, comment and
// blank lines, `---` document starts and empty documents; an anchor right after `key:` or `-` (on the value on that
// line, or on the empty value or block collection that follows) and an alias as a map value or an item (`<<: *base`
// is a plain `<<` key with an Alias value: no merge option). Aliases are never resolved (yaml does not either while
// composing), so the work stays linear. Given up on: anchors on keys or the root, aliases as keys or with properties,
// anchors and aliases in flow collections, names other than letters, digits, `_`, `-`, `.`, tags, directives, `?`
// keys, nested or multi-line flow collections, multi-line flow scalars, `...`, tabs, CR, a BOM and other control
// characters, a root scalar, and every shape that `yaml` reports as an error or warning (an undefined alias is not:
// yaml reports it only in toJS; nor is a repeated anchor). Where comments and blank lines end up (`comment`,
// `commentBefore`, `spaceBefore`, and the third offset of a range) follows where `yaml`'s CST parser puts their tokens;
// test/parsers/yaml-fast.test.ts checks every property against `yaml` on the corpus and on generated documents.

import { Alias, Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { YAML_OPTIONS } from './yaml.js';

/** `yaml`'s node-type key and its value for a document (registered symbols: `isDocument` reads them). */
const NODE_TYPE = Symbol.for('yaml.node.type');
const DOC_TYPE = Symbol.for('yaml.document');

/** Nesting past this gives up (the explicit stack is bounded; `yaml` would recurse). */
const MAX_DEPTH = 500;

/** Document lists this reader built where no document holds an anchor or alias (it reads no tag or directive either). */
const selfContained = new WeakSet<readonly Document.Parsed[]>();

class GiveUp extends Error {}
const GIVE_UP = new GiveUp('outside the fast subset');
function giveUp(): never {
  throw GIVE_UP;
}

/** A trivia line (blank or comment), or the tail of a line after `:`/`-` (same line, maybe a comment). */
interface Trivia {
  /** where the comment starts, or -1 for a blank line / a tail without comment. */
  readonly commentAt: number;
  /** the comment's text after `#` (trailing spaces included, as `yaml` keeps them). */
  readonly comment: string;
  /** column of the line's first non-space character (the comment's), for the indentation rules. */
  readonly indent: number;
  /** end of the comment (or of the line's spaces) without the line break, and after it. */
  readonly contentEnd: number;
  readonly end: number;
  /** whether the line ends with a line break (false only at the end of the text). */
  readonly newline: boolean;
  /** a tail of a content line (its tokens follow an indicator on the same line). */
  readonly tail: boolean;
}

/** The composer's reading of the tokens before a node (its "props"): spaceBefore, comment, where they end. */
class Props {
  spaceBefore = false;
  comment = '';
  /** the anchor written right after the indicator (`- &a`, `key: &a`), for the node these props are before. */
  anchor: string | undefined = undefined;
  end: number;
  private atNewline: boolean;
  private commentSep = '';
  private found = false;
  private seqIndicator = false;

  constructor(startOnNewline: boolean, offset: number) {
    this.atNewline = startOnNewline;
    this.end = offset;
  }

  /** An anchor after the indicator: the line break after it separates comments instead of ending one. */
  anchored(name: string): void {
    this.anchor = name;
    this.atNewline = false;
  }

  indicator(seq: boolean, end: number): void {
    this.found = true;
    this.seqIndicator = seq;
    this.atNewline = seq;
    this.end = end;
  }

  line(t: Trivia): void {
    if (t.commentAt >= 0) {
      this.comment = this.comment === '' ? t.comment || ' ' : this.comment + this.commentSep + (t.comment || ' ');
      this.commentSep = '';
      this.atNewline = false;
    }
    if (t.newline) {
      if (this.atNewline) {
        if (this.comment !== '') this.comment += '\n';
        else if (!this.found || !this.seqIndicator) this.spaceBefore = true;
      } else this.commentSep += '\n';
      this.atNewline = true;
    }
    this.end = t.end;
  }

  lines(ts: readonly Trivia[], from = 0, to = ts.length): this {
    for (let i = from; i < to; i++) this.line(ts[i]!);
    return this;
  }
}

/** A scalar's end tokens (its line's rest and the comment lines `yaml` attaches to it): comment and where they end. */
function endComment(ts: readonly Trivia[]): string {
  let comment = '';
  let sep = '';
  for (const t of ts) {
    if (t.commentAt >= 0) {
      comment = comment === '' ? t.comment || ' ' : comment + sep + (t.comment || ' ');
      sep = '';
    }
    if (t.newline && comment !== '') sep += '\n';
  }
  return comment;
}

type Frame = MapFrame | SeqFrame;

interface MapFrame {
  readonly kind: 'map';
  readonly indent: number;
  readonly node: YAMLMap;
  /** the last pair, and whether its value is still to come (`key:` seen, nothing after it yet). */
  pair: Pair | undefined;
  open: boolean;
  /** the open value's anchor (`key: &a` with the value on later lines, or none). */
  anchor: string | undefined;
  /** after `key:` with no value yet: the tokens after the `:` (its line's tail, then trivia lines). */
  sep: Trivia[];
  /** where an empty value would be placed (after the `:` and the spaces after it). */
  emptyAt: number;
  /** trivia after the last complete entry, before the next one. */
  start: Trivia[];
  /** the deepest indentation of a comment line in `start`, -1 when it holds none. */
  startMax: number;
  /** the last entry's value when it is a one-line flow scalar (comment lines indented past the map attach to it). */
  lastScalar: ScalarEnd | undefined;
}

interface SeqFrame {
  readonly kind: 'seq';
  readonly indent: number;
  readonly node: YAMLSeq;
  /** `-` seen with nothing after it yet; `itemProps` holds the item's tokens (before the `-`, and after it). */
  open: boolean;
  itemProps: Props | undefined;
  itemTrivia: Trivia[];
  emptyAt: number;
  start: Trivia[];
  /** the deepest indentation of a comment line in `start`, -1 when it holds none. */
  startMax: number;
  lastScalar: ScalarEnd | undefined;
}

interface ScalarEnd {
  readonly node: Scalar | YAMLMap | YAMLSeq | Alias;
  readonly ends: Trivia[];
}

/** The end of a Node's range, where its parent's range goes on. */
function rangeEnd(n: Node): number {
  return n.range![2];
}

interface Header {
  readonly literal: boolean;
  readonly strip: boolean;
}

class Reader {
  private readonly text: string;
  private pos = 0;
  private readonly docs: Document.Parsed[] = [];
  /** the stream's directives (as the composer's: every document's options point at it). */
  private readonly directives: Document['directives'];
  private readonly schemaTags: readonly { default?: unknown; test?: RegExp; resolve: (...a: unknown[]) => unknown; format?: string }[];
  private readonly stringTag: { resolve: (...a: unknown[]) => unknown };
  private doc!: Document.Parsed;
  /** The stream's first document, built by `yaml`'s constructor: the others share its options and schema. */
  private firstDoc: Document.Parsed | undefined;
  private stack: Frame[] = [];
  /** tokens before the root node: the stream's prelude (no `---`) or the document's start (after `---`). */
  private docStart: Trivia[] = [];
  private hasDocStart = false;
  private docOffset = 0;
  private docStartEnd = 0;
  private root: Node | undefined;
  /** trivia moved up to the document from its root collection (the document's end tokens). */
  private docEnd: Trivia[] | undefined;
  /** whether some document holds an anchor or an alias (then the list is not self-contained). */
  refs = false;

  constructor(text: string, probe: Document) {
    this.text = text;
    const DirectivesClass = (probe.directives as object).constructor as new (opts: { version: string }) => Document['directives'];
    this.directives = new DirectivesClass({ version: '1.2' });
    const schema = probe.schema as unknown as { tags: Reader['schemaTags'] };
    this.schemaTags = schema.tags.filter((t) => t.default === true && t.test !== undefined);
    const stringTag = (schema as unknown as Record<symbol, Reader['stringTag']>)[Object.getOwnPropertySymbols(schema).find((s) => String(s) === 'Symbol(yaml.scalar)')!];
    if (!stringTag) giveUp();
    this.stringTag = stringTag;
  }

  run(): Document.Parsed[] {
    const text = this.text;
    let prelude = true;
    this.beginDoc(0, false);
    while (this.pos < text.length) {
      const ls = this.pos;
      let le = text.indexOf('\n', ls);
      const newline = le !== -1;
      if (!newline) le = text.length;
      const next = newline ? le + 1 : le;
      let p = ls;
      while (p < le && text.charCodeAt(p) === 32) p++;
      const indent = p - ls;
      if (p === le) {
        this.trivia({ commentAt: -1, comment: '', indent, contentEnd: le, end: next, newline, tail: false });
        this.pos = next;
        continue;
      }
      const c = text.charCodeAt(p);
      if (c === 35 /* # */) {
        this.trivia({ commentAt: p, comment: text.slice(p + 1, le), indent, contentEnd: le, end: next, newline, tail: false });
        this.pos = next;
        continue;
      }
      if (indent === 0 && (c === 45 || c === 46) && text.startsWith(c === 45 ? '---' : '...', ls) && (le === ls + 3 || text.charCodeAt(ls + 3) === 32)) {
        if (c === 46) giveUp();
        for (let q = ls + 3; q < le; q++) if (text.charCodeAt(q) !== 32) giveUp();
        if (!prelude || this.hasDocStart || this.root !== undefined) this.endDoc(true);
        else if (this.docStart.some((t) => t.commentAt >= 0)) giveUp(); // a prelude comment before `---`
        prelude = false;
        this.beginDoc(ls, true);
        this.docStartEnd = le;
        this.pos = next;
        if (newline) this.docStart.push({ commentAt: -1, comment: '', indent: 0, contentEnd: le, end: next, newline: true, tail: true });
        continue;
      }
      prelude = false;
      this.content(ls, p, le, next, newline);
    }
    this.endDoc(false);
    return this.docs;
  }

  private beginDoc(offset: number, docStart: boolean): void {
    this.stack = [];
    this.docStart = [];
    this.hasDocStart = docStart;
    this.docOffset = offset;
    this.docStartEnd = offset;
    this.root = undefined;
    this.docEnd = undefined;
    this.doc = this.newDocument();
  }

  /**
   * A document as `new Document(undefined, { _directives, ...YAML_OPTIONS })` makes it, without building a schema and
   * an options object for each: the constructor's `new Schema` was half the cost of a document, and a stream of 500k
   * `---` is 500k of them (hostile-input bench: 2.2 → 1.0 s per MB). The schema and the options are the first
   * document's, shared: nothing changes them after the parse (test/helpers/yaml-compare.ts compares them by content).
   */
  private newDocument(): Document.Parsed {
    const first = this.firstDoc;
    if (!first) {
      const doc = new Document(undefined, Object.assign({ _directives: this.directives! }, YAML_OPTIONS)) as unknown as Document.Parsed;
      this.firstDoc = doc;
      return doc;
    }
    const doc = Object.create(Document.prototype) as Record<string | symbol, unknown>;
    // the constructor's own properties, in its order
    doc['commentBefore'] = null;
    doc['comment'] = null;
    doc['errors'] = [];
    doc['warnings'] = [];
    Object.defineProperty(doc, NODE_TYPE, { value: DOC_TYPE });
    doc['options'] = first.options;
    doc['directives'] = (this.directives as unknown as { atDocument(): unknown }).atDocument();
    doc['schema'] = first.schema;
    doc['contents'] = null;
    return doc as unknown as Document.Parsed;
  }

  private endDoc(marker: boolean): void {
    if (this.root === undefined && !this.hasDocStart) {
      // Only trivia: no document (yaml yields none for a stream of comments and blank lines).
      if (this.docStart.some((t) => t.commentAt >= 0)) giveUp();
      return;
    }
    const top = this.stack[this.stack.length - 1];
    if (marker && top && top.kind === 'map' && top.indent === 0 && top.open) {
      // `---` splits an open value's tokens as a next key would, and drops the part that would have been the key's
      this.finishOpen(top, true);
      top.start = [];
      top.startMax = -1;
    }
    while (this.stack.length > 0) this.popFrame();
    const doc = this.doc;
    if (this.hasDocStart) doc.directives.docStart = true;
    let contents: Node;
    if (this.root === undefined) {
      // An empty document after `---`: an empty scalar after the marker, its tokens as its props.
      const props = new Props(true, this.docStartEnd);
      props.indicator(false, this.docStartEnd);
      props.lines(this.docStart);
      const node = this.emptyScalar(this.docStartEnd);
      if (props.spaceBefore) node.spaceBefore = true;
      if (props.comment !== '') {
        node.comment = props.comment;
        node.range![2] = props.end;
      }
      contents = node;
    } else contents = this.root;
    (doc as { contents: unknown }).contents = contents;
    const contentEnd = rangeEnd(contents);
    let end = contentEnd;
    if (this.docEnd) {
      const comment = endComment(this.docEnd);
      if (comment !== '') doc.comment = comment;
      for (const t of this.docEnd) end = t.end;
    }
    doc.range = [this.docOffset, contentEnd, end];
    // The stream's prelude (comments before the first document, which has no `---`).
    if (!this.hasDocStart && this.docStart.length > 0) {
      let comment = '';
      let afterEmpty = false;
      let atComment = false;
      for (const t of this.docStart) {
        if (t.commentAt >= 0) {
          comment += (comment === '' ? '' : afterEmpty ? '\n\n' : '\n') + (t.comment || ' ');
          atComment = true;
          afterEmpty = false;
          if (!t.newline) continue;
        }
        if (!atComment) afterEmpty = true;
        atComment = false;
      }
      if (comment !== '') {
        if (afterEmpty) doc.commentBefore = comment;
        else {
          const first = (contents as YAMLMap | YAMLSeq).items[0]!;
          const target = (first instanceof Pair ? first.key : first) as Node;
          target.commentBefore = target.commentBefore ? `${comment}\n${target.commentBefore}` : comment;
        }
      }
    }
    this.docs.push(doc);
  }

  /** A blank or comment line, given to the innermost open collection (or the document before its root). */
  private trivia(t: Trivia): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      if (this.root !== undefined) giveUp(); // after a root scalar (never: root scalars give up)
      this.docStart.push(t);
      return;
    }
    if (top.kind === 'map') {
      if (top.open) {
        top.sep.push(t);
        return;
      }
    } else if (top.open) {
      top.itemTrivia.push(t);
      return;
    }
    // After a complete entry: a comment line indented past the collection, with only blank lines before it since the
    // entry, belongs to the entry's one-line scalar (its end tokens).
    if (t.commentAt >= 0 && t.indent > top.indent && top.lastScalar && top.startMax < 0) {
      const ends = top.lastScalar.ends;
      for (const s of top.start) ends.push(s);
      ends.push(t);
      top.start = [];
      return;
    }
    top.start.push(t);
    if (t.commentAt >= 0 && t.indent > top.startMax) top.startMax = t.indent;
  }

  /** Closes the innermost collection: its trailing trivia moves up, or stays as its comment (yaml's parser rule). */
  private popFrame(): void {
    const f = this.stack.pop()!;
    this.finishOpen(f, undefined);
    this.finishScalar(f);
    const node = f.node;
    const items = node.items;
    if (items.length === 0) giveUp();
    const last = items[items.length - 1]!;
    const valueEnd = rangeEnd((last instanceof Pair ? last.value : last) as Node);
    let end = valueEnd;
    if (f.start.length > 0) {
      const moves = f.indent === 0 || f.startMax < f.indent;
      if (moves) {
        const parent = this.stack[this.stack.length - 1];
        if (parent) {
          if (parent.start.length > 0) giveUp();
          parent.start = f.start;
          parent.startMax = f.startMax;
        } else this.docEnd = f.start;
      } else {
        const props = new Props(true, valueEnd).lines(f.start);
        if (props.comment !== '') node.comment = props.comment;
        end = props.end;
      }
      f.start = [];
      f.startMax = -1;
    }
    node.range = [node.range![0], valueEnd, end];
  }

  /** Sets the last one-line scalar's comment and range end from its end tokens. */
  private finishScalar(f: Frame): void {
    const s = f.lastScalar;
    if (!s) return;
    f.lastScalar = undefined;
    const ends = s.ends;
    if (ends.length === 0) return;
    const comment = endComment(ends);
    if (comment !== '') s.node.comment = comment;
    s.node.range![2] = ends[ends.length - 1]!.end;
  }

  /**
   * An entry still open when the next content comes (or its collection closes): its value is an empty scalar. For a
   * map whose next key follows (`nextKey`), the tokens from the second line break after the `:` on move to that key.
   */
  private finishOpen(f: Frame, nextKey: boolean | undefined): void {
    if (!f.open) return;
    f.open = false;
    if (f.kind === 'map') {
      let sep = f.sep;
      if (nextKey) {
        let nl: number[] = [];
        for (let i = 0; i < sep.length; i++) {
          const t = sep[i]!;
          if (t.commentAt >= 0 && !t.tail && t.indent > f.indent) nl = [];
          if (t.newline) nl.push(i);
        }
        if (nl.length >= 2) {
          // the line break ending trivia line nl[1] starts the next key's tokens: that line's comment stays
          const at = nl[1]!;
          const t = sep[at]!;
          const moved: Trivia[] = [{ commentAt: -1, comment: '', indent: 0, contentEnd: t.contentEnd, end: t.end, newline: true, tail: false }];
          for (let i = at + 1; i < sep.length; i++) moved.push(sep[i]!);
          const kept = sep.slice(0, at);
          kept.push({ ...t, end: t.contentEnd, newline: false });
          sep = kept;
          f.start = moved;
          f.startMax = -1;
          for (const m of moved) if (m.commentAt >= 0 && m.indent > f.startMax) f.startMax = m.indent;
        }
      }
      const props = new Props(false, f.emptyAt).lines(sep);
      props.end = sep.length > 0 ? sep[sep.length - 1]!.end : f.emptyAt;
      const node = this.emptyScalar(f.emptyAt);
      if (f.anchor !== undefined) node.anchor = f.anchor;
      f.anchor = undefined;
      if (props.spaceBefore) node.spaceBefore = true;
      if (props.comment !== '') {
        node.comment = props.comment;
        node.range![2] = props.end;
      }
      f.pair!.value = node;
      f.sep = [];
    } else {
      const props = f.itemProps!;
      props.lines(f.itemTrivia);
      const node = this.emptyScalar(f.emptyAt);
      if (props.anchor !== undefined) node.anchor = props.anchor;
      if (props.spaceBefore) node.spaceBefore = true;
      if (props.comment !== '') {
        node.comment = props.comment;
        node.range![2] = props.end;
      }
      f.node.items.push(node);
      f.itemProps = undefined;
      f.itemTrivia = [];
    }
  }

  private emptyScalar(at: number): Scalar {
    const s = new Scalar(null);
    s.range = [at, at, at];
    s.source = '';
    s.type = 'PLAIN';
    return s;
  }

  /** A content line: `-` indicators, then a key with its value, or a value. */
  private content(ls: number, p: number, le: number, next: number, newline: boolean): void {
    const text = this.text;
    const indent = p - ls;
    this.pos = next;
    // The line's indentation is a token of the innermost collection too (it ends up in a kept trailing comment's range).
    if (indent > 0) this.trivia({ commentAt: -1, comment: '', indent, contentEnd: p, end: p, newline: false, tail: false });
    // Close what this line is outside of.
    for (;;) {
      const top = this.stack[this.stack.length - 1];
      if (!top || top.indent <= indent) break;
      this.popFrame();
    }
    const isDash = (q: number): boolean => text.charCodeAt(q) === 45 && (q + 1 === le || text.charCodeAt(q + 1) === 32);
    const dashFirst = isDash(p);
    {
      const top = this.stack[this.stack.length - 1];
      if (top && top.kind === 'seq' && top.indent === indent && !dashFirst) this.popFrame();
    }
    const top = this.stack[this.stack.length - 1];
    /** the props of the node this line starts, when it starts the value of an open entry or the root. */
    let props: Props;
    if (!top) {
      if (this.root !== undefined || indent !== 0) giveUp();
      if (this.hasDocStart) {
        props = new Props(true, this.docOffset);
        props.indicator(false, this.docOffset + 3);
        props.lines(this.docStart);
      } else {
        props = new Props(true, p);
        this.docOffset = p;
      }
      return this.lineBody(p, le, newline, props, undefined);
    }
    if (top.indent === indent) {
      if (top.kind === 'map') {
        if (dashFirst) {
          // a sequence at the key's indentation, as the open key's value
          if (!top.open) giveUp();
          return this.lineBody(p, le, newline, this.openValueProps(top), top);
        }
        this.finishOpen(top, true);
        this.finishScalar(top);
        const kp = new Props(true, p).lines(top.start);
        top.start = [];
        top.startMax = -1;
        return this.mapEntry(top, p, le, newline, kp);
      }
      // a sequence item
      if (!dashFirst) giveUp();
      this.finishOpen(top, undefined);
      this.finishScalar(top);
      const ip = new Props(true, p).lines(top.start);
      top.start = [];
      top.startMax = -1;
      return this.seqItem(top, p, le, newline, ip);
    }
    // indented past the innermost collection: only the value of its open entry
    if (!top.open) giveUp();
    const vp = top.kind === 'map' ? this.openValueProps(top) : this.openItemProps(top);
    return this.lineBody(p, le, newline, vp, top);
  }

  /** The props of an open map entry's value that starts on a later line (all the tokens after the `:`). */
  private openValueProps(f: MapFrame): Props {
    const props = new Props(false, f.emptyAt).lines(f.sep);
    props.anchor = f.anchor;
    f.anchor = undefined;
    f.sep = [];
    f.open = false;
    return props;
  }

  private openItemProps(f: SeqFrame): Props {
    const props = f.itemProps!.lines(f.itemTrivia);
    f.itemProps = undefined;
    f.itemTrivia = [];
    f.open = false;
    return props;
  }

  /**
   * What starts at `p` (a `-` or a key), as the value of `parent`'s open entry (or the root): opens the collection and
   * reads its first entry or item.
   */
  private lineBody(p: number, le: number, newline: boolean, props: Props, parent: Frame | undefined): void {
    const text = this.text;
    if (this.stack.length >= MAX_DEPTH) giveUp();
    const col = p - (text.lastIndexOf('\n', p - 1) + 1);
    const isDash = text.charCodeAt(p) === 45 && (p + 1 === le || text.charCodeAt(p + 1) === 32);
    let node: YAMLMap | YAMLSeq;
    let frame: Frame;
    if (isDash) {
      const seq = new YAMLSeq(this.doc.schema);
      node = seq;
      frame = { kind: 'seq', indent: col, node: seq, open: false, itemProps: undefined, itemTrivia: [], emptyAt: 0, start: [], startMax: -1, lastScalar: undefined };
    } else {
      const map = new YAMLMap(this.doc.schema);
      node = map;
      frame = { kind: 'map', indent: col, node: map, pair: undefined, open: false, anchor: undefined, sep: [], emptyAt: 0, start: [], startMax: -1, lastScalar: undefined };
    }
    node.range = [p, p, p];
    if (props.anchor !== undefined) node.anchor = props.anchor;
    if (props.spaceBefore) node.spaceBefore = true;
    if (props.comment !== '') node.commentBefore = props.comment;
    this.attach(parent, node);
    this.stack.push(frame);
    if (frame.kind === 'seq') this.seqItem(frame, p, le, newline, new Props(true, p));
    else this.mapEntry(frame, p, le, newline, new Props(true, p));
  }

  /** Makes `node` the value of `parent`'s open entry (or the document's root). */
  private attach(parent: Frame | undefined, node: Node): void {
    if (!parent) {
      this.root = node;
      return;
    }
    if (parent.kind === 'map') parent.pair!.value = node;
    else parent.node.items.push(node);
  }

  /** `- ` at `p` in `f`: the item's value follows on the line (or later lines). */
  private seqItem(f: SeqFrame, p: number, le: number, newline: boolean, props: Props): void {
    const text = this.text;
    let q = p + 1;
    while (q < le && text.charCodeAt(q) === 32) q++;
    props.indicator(true, q);
    if (text.charCodeAt(q) === 38 /* & */) {
      // `- &a`: the item's anchor
      const a = this.anchorAt(q, le);
      props.anchored(a.name);
      q = a.after;
    }
    if (q === le || text.charCodeAt(q) === 35) {
      f.open = true;
      f.itemProps = props;
      f.itemTrivia = [this.tail(q, le, newline)];
      f.emptyAt = q;
      return;
    }
    const c = text.charCodeAt(q);
    if (c === 45 && (q + 1 === le || text.charCodeAt(q + 1) === 32)) {
      // `- - x`: a nested sequence as the item
      f.open = false;
      return this.lineBody(q, le, newline, props, f);
    }
    const v = this.value(q, le, newline, f.indent, props.anchor === undefined);
    if (v.key) {
      f.open = false;
      return this.lineBody(q, le, newline, props, f);
    }
    if (props.anchor !== undefined) v.node.anchor = props.anchor;
    if (props.spaceBefore) v.node.spaceBefore = true;
    if (props.comment !== '') v.node.commentBefore = props.comment;
    f.node.items.push(v.node);
    f.lastScalar = v.ends ? { node: v.node, ends: v.ends } : undefined;
    f.open = false;
  }

  /** A key at `p` in map `f`, with its key props; then its value on the line (or later). */
  private mapEntry(f: MapFrame, p: number, le: number, newline: boolean, keyProps: Props): void {
    const text = this.text;
    const k = this.key(p, le);
    const key = k.node;
    if (keyProps.spaceBefore) key.spaceBefore = true;
    if (keyProps.comment !== '') key.commentBefore = keyProps.comment;
    const pair = new Pair(key);
    f.node.items.push(pair);
    f.pair = pair;
    let q = k.after; // after the `:`
    while (q < le && text.charCodeAt(q) === 32) q++;
    let anchor: string | undefined;
    if (q > k.after && text.charCodeAt(q) === 38 /* & */) {
      // `key: &a`: the value's anchor
      const a = this.anchorAt(q, le);
      anchor = a.name;
      q = a.after;
    }
    if (q === le || text.charCodeAt(q) === 35) {
      f.open = true;
      f.anchor = anchor;
      f.sep = [this.tail(q, le, newline)];
      f.emptyAt = q;
      return;
    }
    if (q === k.after) giveUp();
    const c = text.charCodeAt(q);
    if (c === 45 && (q + 1 === le || text.charCodeAt(q + 1) === 32)) giveUp(); // `key: - x`
    const v = this.value(q, le, newline, f.indent, false);
    if (v.key) giveUp(); // `a: b: c`
    if (anchor !== undefined) v.node.anchor = anchor;
    pair.value = v.node;
    f.lastScalar = v.ends ? { node: v.node, ends: v.ends } : undefined;
    f.open = false;
  }

  /** The rest of a line after an indicator with nothing else on it (spaces, maybe a comment). */
  private tail(q: number, le: number, newline: boolean): Trivia {
    const text = this.text;
    const end = newline ? le + 1 : le;
    if (q < le) {
      // q is at `#`
      return { commentAt: q, comment: text.slice(q + 1, le), indent: 0, contentEnd: le, end, newline, tail: true };
    }
    return { commentAt: -1, comment: '', indent: 0, contentEnd: le, end, newline, tail: true };
  }

  /**
   * The anchor `&name` at `q` (after `key:` or `- `) and where what follows it starts: its value on the line, or the
   * line's end or a comment (a collection, or nothing, on later lines); anything else there gives up.
   */
  private anchorAt(q: number, le: number): { name: string; after: number } {
    const text = this.text;
    const e = this.refName(q + 1, le);
    let after = e;
    while (after < le && text.charCodeAt(after) === 32) after++;
    if (after < le && text.charCodeAt(after) !== 35 && !this.anchoredValueAt(after, le)) giveUp();
    return { name: text.slice(q + 1, e), after };
  }

  /**
   * The end of an anchor's or alias's name that starts at `p` (after the `&` or `*`). Names are letters, digits, `_`,
   * `-` and `.` (yaml takes anything up to a space or a flow indicator; a name ending in `:` is a warning, others are
   * rare), followed by a space or the line's end; anything else gives up. Marks the list as not self-contained.
   */
  private refName(p: number, le: number): number {
    const text = this.text;
    let i = p;
    for (; i < le; i++) {
      const ch = text.charCodeAt(i);
      if (!((ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90) || (ch >= 48 && ch <= 57) || ch === 95 || ch === 45 || ch === 46)) break;
    }
    if (i === p || (i < le && text.charCodeAt(i) !== 32)) giveUp();
    this.refs = true;
    return i;
  }

  /**
   * Whether what follows an anchor on its line at `q` is a value the anchor may stand before: not a second anchor, an
   * alias (an alias with properties is an error), a tag, or a `- ` (a block sequence must start on a later line).
   */
  private anchoredValueAt(q: number, le: number): boolean {
    const c = this.text.charCodeAt(q);
    if (c === 38 || c === 42 || c === 33) return false;
    return !(c === 45 && (q + 1 === le || this.text.charCodeAt(q + 1) === 32));
  }

  /** A key scalar at `p` followed by `:` (and a space or the line's end). */
  private key(p: number, le: number): { node: Scalar; after: number } {
    const text = this.text;
    const c = text.charCodeAt(p);
    let node: Scalar;
    let e: number;
    if (c === 34 || c === 39) {
      const q = this.quoted(p, le);
      node = q.node;
      e = q.end;
      let r = e;
      while (r < le && text.charCodeAt(r) === 32) r++;
      if (text.charCodeAt(r) !== 58 || !(r + 1 === le || text.charCodeAt(r + 1) === 32)) giveUp();
      node.range = [p, e, e];
      return { node, after: r + 1 };
    }
    const colon = this.plainEnd(p, le, true);
    if (colon < 0) giveUp();
    e = colon;
    while (text.charCodeAt(e - 1) === 32) e--;
    const src = text.slice(p, e);
    node = this.plain(src);
    node.range = [p, e, e];
    return { node, after: colon + 1 };
  }

  /**
   * For a plain scalar at `p`: with `key`, the offset of the `:` that ends it as a key (-1 if none); without, the end
   * of the scalar (before ` #` or the line's end), or -1 when it holds a `: ` (a nested mapping: given up).
   */
  private plainEnd(p: number, le: number, key: boolean): number {
    const text = this.text;
    checkPlainStart(text, p, le);
    for (let i = p; i < le; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 58 /* : */ && (i + 1 === le || text.charCodeAt(i + 1) === 32)) return i;
      if (ch === 35 /* # */ && text.charCodeAt(i - 1) === 32) return key ? -1 : i;
    }
    return key ? -1 : le;
  }

  /**
   * A value at `q` (not a `-`): a one-line scalar with its end tokens, a block scalar, or `key: true` when a plain or
   * quoted scalar there is followed by `:` (a compact mapping starts there; allowed only in a sequence item).
   */
  private value(q: number, le: number, newline: boolean, parentIndent: number, allowKey: boolean): { key: true; node?: undefined; ends?: undefined } | { key: false; node: Scalar | YAMLMap | YAMLSeq | Alias; ends: Trivia[] | undefined } {
    const text = this.text;
    const c = text.charCodeAt(q);
    let target: Scalar | YAMLMap | YAMLSeq | Alias;
    let e: number;
    if (c === 124 /* | */ || c === 62 /* > */) return { key: false, node: this.blockScalar(q, le, newline, parentIndent), ends: undefined };
    if (c === 42 /* * */) {
      // an alias: only spaces and a comment may follow it on its line (`*a : x` would make it a key)
      e = this.refName(q + 1, le);
      target = new Alias(text.slice(q + 1, e));
      this.onlyCommentAfter(e, le);
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      const f = this.flowCollection(q, le);
      target = f.node;
      e = f.end;
      this.onlyCommentAfter(e, le);
    } else if (c === 34 || c === 39) {
      const r = this.quoted(q, le);
      target = r.node;
      e = r.end;
      let s = e;
      while (s < le && text.charCodeAt(s) === 32) s++;
      if (s < le && text.charCodeAt(s) === 58 && (s + 1 === le || text.charCodeAt(s + 1) === 32)) {
        if (allowKey) return { key: true };
        giveUp();
      }
      this.onlyCommentAfter(e, le);
    } else {
      // a plain scalar: a key if a `: ` comes first
      checkPlainStart(text, q, le);
      let end = le;
      for (let i = q; i < le; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 58 && (i + 1 === le || text.charCodeAt(i + 1) === 32)) {
          if (allowKey) return { key: true };
          giveUp();
        }
        if (ch === 35 && text.charCodeAt(i - 1) === 32) {
          end = i;
          break;
        }
      }
      e = end;
      while (text.charCodeAt(e - 1) === 32) e--;
      target = this.plain(text.slice(q, e));
    }
    target.range = [q, e, e];
    // The end tokens: the rest of the line (spaces, comment, line break).
    const ends: Trivia[] = [];
    const lineEnd = newline ? le + 1 : le;
    if (lineEnd > e) {
      let h = e;
      while (h < le && text.charCodeAt(h) === 32) h++;
      ends.push(h < le ? { commentAt: h, comment: text.slice(h + 1, le), indent: 0, contentEnd: le, end: lineEnd, newline, tail: true } : { commentAt: -1, comment: '', indent: 0, contentEnd: le, end: lineEnd, newline, tail: true });
    }
    // A plain scalar continued on a more indented line is a multi-line scalar: the next content line must not be
    // indented past the collection (checked when it comes: it gives up, not being the value of an open entry).
    return { key: false, node: target, ends };
  }

  /** Gives up unless the rest of the line after `e` is spaces, then nothing or a comment after at least one space. */
  private onlyCommentAfter(e: number, le: number): void {
    const text = this.text;
    let s = e;
    while (s < le && text.charCodeAt(s) === 32) s++;
    if (s < le && (text.charCodeAt(s) !== 35 || s === e)) giveUp();
  }

  /** A one-line flow sequence or mapping at `p` of one-line scalars (`[a, "b"]`, `{a: b}`), and where it ends. */
  private flowCollection(p: number, le: number): { node: YAMLMap | YAMLSeq; end: number } {
    const text = this.text;
    const isMap = text.charCodeAt(p) === 123;
    const close = isMap ? 125 : 93;
    const coll = isMap ? new YAMLMap(this.doc.schema) : new YAMLSeq(this.doc.schema);
    coll.flow = true;
    const skip = (i: number): number => {
      while (i < le && text.charCodeAt(i) === 32) i++;
      return i;
    };
    let i = skip(p + 1);
    if (text.charCodeAt(i) !== close) {
      for (;;) {
        const k = this.flowItem(i, le, isMap);
        let j = k.next;
        if (isMap) {
          if (text.charCodeAt(k.end) !== 58 || text.charCodeAt(k.end + 1) !== 32) giveUp();
          k.node.range = [i, k.end, k.end];
          const vStart = skip(k.end + 1);
          const v = this.flowItem(vStart, le, false);
          v.node.range = [vStart, v.end, v.next];
          (coll as YAMLMap).items.push(new Pair(k.node, v.node));
          j = v.next;
        } else {
          k.node.range = [i, k.end, k.next];
          (coll as YAMLSeq).items.push(k.node);
        }
        const ch = text.charCodeAt(j);
        if (ch === close) {
          i = j;
          break;
        }
        if (ch !== 44 /* , */) giveUp();
        i = skip(j + 1);
        if (text.charCodeAt(i) === close) break;
      }
    }
    return { node: coll, end: i + 1 };
  }

  /**
   * A scalar inside a one-line flow collection: its node, where it ends, and where the spaces after it end. With
   * `key`, a plain scalar ends at its `:`.
   */
  private flowItem(i: number, le: number, key: boolean): { node: Scalar; end: number; next: number } {
    const text = this.text;
    if (i >= le) giveUp();
    const c = text.charCodeAt(i);
    let node: Scalar;
    let end: number;
    if (c === 34 || c === 39) {
      const q = this.quoted(i, le);
      node = q.node;
      end = q.end;
    } else {
      checkPlainStart(text, i, le);
      let j = i;
      for (; j < le; j++) {
        const ch = text.charCodeAt(j);
        if (ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125) break;
        if (ch === 58) {
          if (key) break;
          giveUp();
        }
        if (ch === 35) giveUp();
      }
      if (j >= le) giveUp();
      end = j;
      while (text.charCodeAt(end - 1) === 32) end--;
      node = this.plain(text.slice(i, end));
    }
    let next = end;
    while (next < le && text.charCodeAt(next) === 32) next++;
    return { node, end, next };
  }

  /** A one-line quoted scalar at `p`; its value, and the offset after its closing quote. */
  private quoted(p: number, le: number): { node: Scalar; end: number } {
    const text = this.text;
    const q = text.charCodeAt(p);
    let value = '';
    let i = p + 1;
    if (q === 39) {
      for (;;) {
        const j = text.indexOf("'", i);
        if (j < 0 || j >= le) giveUp();
        value += text.slice(i, j);
        if (text.charCodeAt(j + 1) === 39) {
          value += "'";
          i = j + 2;
          continue;
        }
        i = j + 1;
        break;
      }
    } else {
      let run = i;
      for (;;) {
        if (i >= le) giveUp();
        const ch = text.charCodeAt(i);
        if (ch === 34) {
          value += text.slice(run, i);
          i++;
          break;
        }
        if (ch === 92 /* \ */) {
          value += text.slice(run, i);
          const [s, n] = escape(text, i + 1, le);
          value += s;
          i = i + 1 + n;
          run = i;
          continue;
        }
        i++;
      }
    }
    const node = new Scalar(value);
    node.range = [p, i, i];
    node.source = value;
    node.type = q === 39 ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
    return { node, end: i };
  }

  /** A plain scalar's node: its value resolved by the core schema's tags, exactly as `yaml` composes it. */
  private plain(src: string): Scalar {
    let tag: { resolve: (...a: unknown[]) => unknown; format?: string } = this.stringTag;
    const c = src.charCodeAt(0);
    // Only these first characters can match a non-string core tag (null, bool, int, float).
    if (src === '' || c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
      for (const t of this.schemaTags)
        if (t.test!.test(src)) {
          tag = t;
          break;
        }
    }
    let failed = false;
    const res = tag.resolve(src, () => (failed = true), this.doc.options);
    if (failed) giveUp();
    const node = isScalar(res) ? (res as Scalar) : new Scalar(res);
    node.range = [0, 0, 0];
    node.source = src;
    node.type = 'PLAIN';
    if (tag.format) node.format = tag.format;
    return node;
  }

  /**
   * A block scalar whose header is at `q` (`|`, `>`, `|-`, `>-`, maybe a comment after it): reads its content lines,
   * which must be indented past `parentIndent`.
   */
  private blockScalar(q: number, le: number, newline: boolean, parentIndent: number): Scalar {
    const text = this.text;
    let h = q + 1;
    let strip = false;
    if (text.charCodeAt(h) === 45) {
      strip = true;
      h++;
    }
    const header: Header = { literal: text.charCodeAt(q) === 124, strip };
    let r = h;
    while (r < le && text.charCodeAt(r) === 32) r++;
    let comment = '';
    if (r < le) {
      if (text.charCodeAt(r) !== 35 || r === h) giveUp();
      comment = text.slice(r + 1, le);
    }
    if (!newline) giveUp();
    // Content lines: blank lines and lines indented at least as the first non-blank one (which must be past the parent).
    let contentIndent = -1;
    const lines: [number, number][] = []; // [start, end) of each line, without its line break
    let pos = le + 1;
    let end = pos;
    for (;;) {
      if (pos >= text.length) break;
      let lineEnd = text.indexOf('\n', pos);
      const hasNl = lineEnd !== -1;
      if (!hasNl) lineEnd = text.length;
      let s = pos;
      while (s < lineEnd && text.charCodeAt(s) === 32) s++;
      const ind = s - pos;
      if (s === lineEnd) {
        lines.push([pos, lineEnd]);
        if (!hasNl) {
          end = lineEnd;
          pos = lineEnd;
          break;
        }
        pos = lineEnd + 1;
        continue;
      }
      if (contentIndent < 0) {
        if (ind <= parentIndent) break;
        contentIndent = ind;
      } else if (ind < contentIndent) break;
      lines.push([pos, lineEnd]);
      if (!hasNl) {
        pos = lineEnd;
        break;
      }
      pos = lineEnd + 1;
    }
    if (contentIndent < 0) giveUp(); // empty block scalar
    // Trailing blank lines are not the scalar's (clip and strip): they are trivia for what follows.
    let n = lines.length;
    while (n > 0) {
      const [a, b] = lines[n - 1]!;
      if (text.slice(a, b).trim() !== '') break;
      if (b - a > contentIndent) giveUp();
      n--;
    }
    const content = lines.slice(0, n);
    let last = content[content.length - 1]!;
    end = last[1] < text.length ? last[1] + 1 : last[1];
    // blank lines inside with more spaces than the content indent keep them in a literal: give up on those
    let value = '';
    if (header.literal) {
      for (let i = 0; i < content.length; i++) {
        const [a, b] = content[i]!;
        const line = text.slice(a, b);
        if (line.trim() === '') {
          if (b - a > contentIndent) giveUp();
          value += (i === 0 ? '' : '\n');
          if (i === 0) value += '';
          continue;
        }
        value += (i === 0 ? '' : '\n') + line.slice(contentIndent);
      }
      // leading blank lines: each is a line break
    } else {
      let sep = '';
      let prevMore = false;
      let started = false;
      for (const [a, b] of content) {
        const line = text.slice(a, b);
        if (line.trim() === '') {
          if (b - a > contentIndent) giveUp();
          if (!started) {
            value += '\n';
            continue;
          }
          if (sep === '\n') value += '\n';
          else sep = '\n';
          continue;
        }
        const more = b - a > contentIndent && text.charCodeAt(a + contentIndent) === 32;
        if (more) {
          if (sep === ' ') sep = '\n';
          else if (!prevMore && sep === '\n') sep = '\n\n';
          value += sep + line.slice(contentIndent);
          sep = '\n';
          prevMore = true;
        } else {
          value += sep + line.slice(contentIndent);
          sep = ' ';
          prevMore = false;
        }
        started = true;
      }
    }
    if (header.literal) {
      // leading blank lines: value starts with one '\n' per blank line before the first content line
      let lead = 0;
      while (lead < content.length && text.slice(content[lead]![0], content[lead]![1]).trim() === '') lead++;
      if (lead > 0) {
        let v = '\n'.repeat(lead);
        for (let i = lead; i < content.length; i++) {
          const [a, b] = content[i]!;
          const line = text.slice(a, b);
          v += (i === lead ? '' : '\n') + (line.trim() === '' ? '' : line.slice(contentIndent));
        }
        value = v;
      }
    }
    if (!header.strip) value += '\n';
    if (last[1] >= text.length) {
      // no line break after the last content line
      end = last[1];
    }
    last = content[content.length - 1]!;
    this.pos = end;
    const node = new Scalar(value);
    node.range = [q, end, end];
    node.source = value;
    node.type = header.literal ? 'BLOCK_LITERAL' : 'BLOCK_FOLDED';
    if (comment) node.comment = comment;
    return node;
  }
}

/** Gives up on a plain scalar start that `yaml` reads otherwise (an indicator) or reports. */
function checkPlainStart(text: string, p: number, le: number): void {
  const c = text.charCodeAt(p);
  switch (c) {
    case 45: // -
    case 63: // ?
    case 58: // :
      if (p + 1 >= le || text.charCodeAt(p + 1) === 32) giveUp();
      if (c !== 45) giveUp();
      break;
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 35: // #
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
      giveUp();
  }
}

/** A double-quoted escape after the backslash at `i`: its text and how many characters it used. */
function escape(text: string, i: number, le: number): [string, number] {
  if (i >= le) giveUp();
  const c = text[i]!;
  switch (c) {
    case '\\':
      return ['\\', 1];
    case '"':
      return ['"', 1];
    case '/':
      return ['/', 1];
    case 'n':
      return ['\n', 1];
    case 't':
      return ['\t', 1];
    case 'r':
      return ['\r', 1];
    case '0':
      return ['\0', 1];
    case 'b':
      return ['\b', 1];
    case 'f':
      return ['\f', 1];
    case 'e':
      return ['\x1b', 1];
    case 'a':
      return ['\x07', 1];
    case 'v':
      return ['\v', 1];
    case ' ':
      return [' ', 1];
    case 'x':
    case 'u':
    case 'U': {
      const n = c === 'x' ? 2 : c === 'u' ? 4 : 8;
      const hex = text.slice(i + 1, i + 1 + n);
      if (hex.length !== n || i + 1 + n > le || !/^[0-9a-fA-F]+$/.test(hex)) giveUp();
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) giveUp();
      return [String.fromCodePoint(code), 1 + n];
    }
  }
  return giveUp();
}

let probeDoc: Document | undefined;

/**
 * Whether `docs` is a list parseDocumentsFast returned and none of its documents holds an anchor or alias, so that no
 * part of one depends on another part (the incremental re-parse may splice it). False for any other list.
 */
export function isFastSelfContained(docs: readonly Document.Parsed[]): boolean {
  return selfContained.has(docs);
}

/**
 * The documents of `text` as `parseAllDocuments(text, YAML_OPTIONS)` builds them, or undefined when the text is
 * outside the subset this reader is sure to read the same (then parse with `yaml`). Never throws.
 */
export function parseDocumentsFast(text: string): Document.Parsed[] | undefined {
  // Characters that put a text outside the subset wherever they are: tabs, CR, a BOM, other control characters.
  if (/[\x00-\x09\x0b-\x1f\x7f\ufeff]/.test(text)) return undefined;
  try {
    probeDoc ??= new Document(undefined, YAML_OPTIONS);
    const reader = new Reader(text, probeDoc);
    const docs = reader.run();
    // One mark per list, not per document: a WeakSet of 500k documents (a stream of `---`) cost a third of its read.
    if (!reader.refs) selfContained.add(docs);
    // A stream without documents is yaml's EmptyStream (an array with `empty`, `comment`, `errors`…): left to yaml.
    return docs.length > 0 ? docs : undefined;
  } catch {
    return undefined;
  }
}
