// Which groups of literal keywords occur in a text, in one pass over it: an Aho–Corasick automaton over the
// keywords' characters (the secret detectors each name the literals their pattern needs; one `includes` per
// keyword per text cost more than the detectors that then run).

import { textChange } from './text.js';

/** Texts shorter than this are scanned whole by presentInEdit: keeping their hits would cost more than it saves. */
const EDIT_MIN = 64 * 1024;

/** What presentInEdit keeps of a large text for its next version: the text and its keyword hits (tracked groups). */
export interface KeywordState {
  readonly automaton: KeywordGroups;
  readonly text: string;
  /** (end offset, group) pairs, ends ascending. */
  readonly hits: Int32Array;
}

/**
 * Built once per list of groups. `present(text)` lists the groups `g` with some keyword in `text` (case-sensitive,
 * as `text.includes(k)`). An empty keyword occurs in every text.
 */
export class KeywordGroups {
  /** per UTF-16 code unit, its column in the transition table (0: a unit no keyword holds). */
  private readonly column: Uint8Array | Uint16Array;
  private readonly width: number;
  /**
   * The automaton's transitions (no failure links are followed while scanning, once an entry is known). States are
   * numbered by their row's offset (state × width), so a step is one lookup: `next[state + column]` is the next
   * state's row.
   */
  private readonly next: Uint16Array | Int32Array;
  /** the entry of a transition not worked out yet (no row offset). */
  private readonly unknown: number;
  /** child per state × column (-1: none), failure link per state, and the numbering of states into rows. */
  private readonly trie: Int32Array;
  private readonly fail: Int32Array;
  private readonly rank: Int32Array;
  private readonly stateAt: Int32Array;
  /** rows from here on are of states that end a keyword (the k-th such state's groups: out[outStart[k] .. outStart[k + 1])). */
  private readonly firstOutRow: number;
  private readonly outStart: Int32Array;
  private readonly out: Int32Array;
  /** groups with an empty keyword: present in every text. */
  private readonly always: readonly number[];
  /** per group, the stamp of the last call that found it. */
  private readonly marks: Uint32Array;
  private stamp = 0;
  /** the longest keyword's length. */
  private readonly longest: number;
  /**
   * Groups with a one-character keyword (`-`, `.`): nearly every text holds them, in numbers (a PEM header line has ten
   * dashes), so presentInEdit keeps no hits of theirs and asks `includes` of their keywords instead, which stops at
   * the first occurrence. 1 per such group.
   */
  private readonly untracked: Uint8Array;
  private readonly untrackedGroups: readonly (readonly [number, readonly string[]])[];

  constructor(groups: readonly (readonly string[])[]) {
    // Only the trie and its failure links are built here (work in the number of keyword characters); each entry of
    // the transition table is worked out the first time a scan needs it. This runs once per process before the first
    // scan, so it is part of the CLI's cold start, in interpreted code: a full table took ~20 ms there.
    this.marks = new Uint32Array(groups.length);
    const always: number[] = [];
    let width = 1;
    let chars = 0;
    let longest = 0;
    const column = new Uint16Array(0x10000);
    for (const group of groups) {
      for (const k of group) {
        chars += k.length;
        longest = Math.max(longest, k.length);
        for (let i = 0; i < k.length; i++) if (column[k.charCodeAt(i)] === 0) column[k.charCodeAt(i)] = width++;
      }
    }
    this.width = width;
    this.longest = longest;
    this.untracked = new Uint8Array(groups.length);
    const untrackedGroups: [number, readonly string[]][] = [];
    groups.forEach((group, g) => {
      if (group.some((k) => k.length === 1) && !group.includes('')) {
        this.untracked[g] = 1;
        untrackedGroups.push([g, group]);
      }
    });
    this.untrackedGroups = untrackedGroups;
    this.column = width <= 0xff ? Uint8Array.from(column) : column;

    // The trie: a states × width table of children (-1: none), each state's children as a list, and the groups each
    // state ends a keyword of.
    const trie = new Int32Array((chars + 1) * width).fill(-1);
    const firstChild = new Int32Array(chars + 1).fill(-1);
    const sibling = new Int32Array(chars + 1).fill(-1);
    /** the column of the edge into each state. */
    const edge = new Int32Array(chars + 1);
    const ends: (number[] | undefined)[] = [];
    let states = 1;
    groups.forEach((group, g) => {
      for (const k of group) {
        if (k.length === 0) {
          if (!always.includes(g)) always.push(g);
          continue;
        }
        let s = 0;
        for (let i = 0; i < k.length; i++) {
          const at = s * width + column[k.charCodeAt(i)]!;
          if (trie[at] === -1) {
            trie[at] = states;
            sibling[states] = firstChild[s]!;
            firstChild[s] = states;
            edge[states] = column[k.charCodeAt(i)]!;
            states++;
          }
          s = trie[at]!;
        }
        const e = (ends[s] ??= []);
        if (!e.includes(g)) e.push(g);
      }
    });
    this.always = always;
    this.trie = trie;

    // Failure links, breadth first: a state's failure state is shallower, so its outputs are complete already.
    const fail = new Int32Array(states);
    const order = new Int32Array(states);
    let queued = 1;
    for (let qi = 0; qi < queued; qi++) {
      const s = order[qi]!;
      for (let child = firstChild[s]!; child !== -1; child = sibling[child]!) {
        order[queued++] = child;
        if (s === 0) continue;
        const f = this.step(fail, fail[s]!, edge[child]!);
        fail[child] = f;
        const inherited = ends[f];
        if (inherited) {
          const e = (ends[child] ??= []);
          for (const g of inherited) if (!e.includes(g)) e.push(g);
        }
      }
    }
    this.fail = fail;
    // Numbered so that the states that end a keyword come last: while scanning, one comparison of the row with
    // `firstOutRow` says whether the state has groups to take.
    const rank = new Int32Array(states);
    const stateAt = new Int32Array(states);
    const ending: number[] = [];
    let ranked = 0;
    for (let s = 0; s < states; s++) {
      if (ends[s] === undefined) rank[s] = ranked++;
      else ending.push(s);
    }
    this.firstOutRow = ranked * width;
    for (const s of ending) rank[s] = ranked++;
    for (let s = 0; s < states; s++) stateAt[rank[s]!] = s;
    this.rank = rank;
    this.stateAt = stateAt;
    // Row offsets in 16 bits where they fit (the table then stays in the cache); `unknown` until first needed.
    const small = states * width < 0xffff;
    this.unknown = small ? 0xffff : -1;
    this.next = small ? new Uint16Array(states * width).fill(this.unknown) : new Int32Array(states * width).fill(this.unknown);
    this.outStart = new Int32Array(ending.length + 1);
    const out: number[] = [];
    ending.forEach((s, i) => {
      this.outStart[i] = out.length;
      for (const g of ends[s]!) out.push(g);
    });
    this.outStart[ending.length] = out.length;
    this.out = Int32Array.from(out);
  }

  /** The groups with a keyword in `text`, in ascending order. */
  present(text: string): number[] {
    // A group is taken once per call: its mark is this call's stamp (the scan calls nothing, so calls never nest).
    const stamp = this.nextStamp();
    const { column, next, unknown, firstOutRow, outStart, out, marks, width } = this;
    const found: number[] = [];
    for (const g of this.always) {
      marks[g] = stamp;
      found.push(g);
    }
    let row = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const col = column[text.charCodeAt(i)]!;
      let to = next[row + col]!;
      if (to === unknown) to = this.resolve(row, col);
      row = to;
      if (row < firstOutRow) continue;
      const k = (row - firstOutRow) / width;
      for (let o = outStart[k]!, end = outStart[k + 1]!; o < end; o++) {
        const g = out[o]!;
        if (marks[g] !== stamp) {
          marks[g] = stamp;
          found.push(g);
        }
      }
    }
    return sortFew(found);
  }

  /**
   * Every keyword occurrence lying inside text[from, to), as pairs (end offset, group) in text order, each group at
   * most once per end offset, groups with a one-character keyword left out (see `untracked`): the automaton starts
   * from its root at `from`, so a keyword that starts before is not seen.
   */
  hits(text: string, from: number, to: number, out: number[]): void {
    const { column, next, unknown, firstOutRow, outStart, out: groups, width, untracked } = this;
    let row = 0;
    for (let i = from; i < to; i++) {
      const col = column[text.charCodeAt(i)]!;
      let r = next[row + col]!;
      if (r === unknown) r = this.resolve(row, col);
      row = r;
      if (row < firstOutRow) continue;
      const k = (row - firstOutRow) / width;
      for (let o = outStart[k]!, end = outStart[k + 1]!; o < end; o++) if (untracked[groups[o]!] === 0) out.push(i + 1, groups[o]!);
    }
  }

  /**
   * `present(text)` for a text that is an edit of an earlier one (a document being typed): with that version's state
   * (what the last call for it returned), the keyword hits of the common prefix and suffix are taken over and only the
   * changed span and `longest` characters either side are read again. The state returned is for the next version; a
   * small text is scanned whole and gets none (keeping its hits would cost more than it saves).
   */
  presentInEdit(text: string, before: KeywordState | undefined): { groups: number[]; state: KeywordState | undefined } {
    if (text.length < EDIT_MIN) return { groups: this.present(text), state: undefined };
    const hits = this.editedHits(text, before?.automaton === this ? before : undefined);
    const stamp = this.nextStamp();
    const { marks } = this;
    const found: number[] = [];
    for (const g of this.always) {
      marks[g] = stamp;
      found.push(g);
    }
    for (const [g, keywords] of this.untrackedGroups) {
      if (marks[g] !== stamp && keywords.some((k) => text.includes(k))) {
        marks[g] = stamp;
        found.push(g);
      }
    }
    for (let i = 1; i < hits.length; i += 2) {
      const g = hits[i]!;
      if (marks[g] !== stamp) {
        marks[g] = stamp;
        found.push(g);
      }
    }
    return { groups: sortFew(found), state: { automaton: this, text, hits } };
  }

  /** The hits of `text`, reusing the earlier version's where the two are the same (see presentInEdit). */
  private editedHits(text: string, before: KeywordState | undefined): Int32Array {
    const whole = (): Int32Array => {
      const out: number[] = [];
      this.hits(text, 0, text.length, out);
      return Int32Array.from(out);
    };
    if (!before) return whole();
    const L = this.longest;
    const { start, oldEnd, newEnd } = textChange(before.text, text);
    const from = Math.max(0, start - L);
    const to = Math.min(text.length, newEnd + L);
    // Most of the text changed: a whole scan costs no more.
    if (to - from > text.length / 2) return whole();
    // A hit [s, e) is at most `longest` long: one ending at or before `start` lies in the common prefix, one ending
    // after `newEnd + longest` in the common suffix (after `oldEnd + longest` in the earlier text); the rest starts
    // after `from` and ends by `to`, so the scan of [from, to) finds all of them. The kept parts are copied as typed
    // arrays.
    const old = before.hits;
    const head = pairsEndingBy(old, start);
    const tail = pairsEndingBy(old, oldEnd + L);
    const window: number[] = [];
    this.hits(text, from, to, window);
    let w = 0;
    while (w < window.length && window[w]! <= start) w += 2;
    const out = new Int32Array(head + (window.length - w) + (old.length - tail));
    out.set(old.subarray(0, head));
    let o = head;
    for (; w < window.length; w++) out[o++] = window[w]!;
    const delta = newEnd - oldEnd;
    for (let i = tail; i < old.length; i += 2) {
      out[o++] = old[i]! + delta;
      out[o++] = old[i + 1]!;
    }
    return out;
  }

  /** Works out and stores the table entry of a row and column. */
  private resolve(row: number, col: number): number {
    const to = this.rank[this.step(this.fail, this.stateAt[row / this.width]!, col)]! * this.width;
    this.next[row + col] = to;
    return to;
  }

  /** The state after reading `col` in state `s`: its child, else its failure state's, down to the root. */
  private step(fail: Int32Array, s: number, col: number): number {
    for (;;) {
      const child = this.trie[s * this.width + col]!;
      if (child !== -1) return child;
      if (s === 0) return 0;
      s = fail[s]!;
    }
  }

  private nextStamp(): number {
    if (++this.stamp === 0xffffffff) {
      this.marks.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }
}

/** How many entries of a hits array (end, group pairs, ends ascending) belong to hits ending at or before `offset`. */
function pairsEndingBy(hits: Int32Array, offset: number): number {
  let lo = 0;
  let hi = hits.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid * 2]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo * 2;
}

/** Ascending, in place, by insertion: a few groups at most (Array#sort allocated a work area on every call). */
function sortFew(found: number[]): number[] {
  for (let i = 1; i < found.length; i++) {
    const g = found[i]!;
    let j = i - 1;
    for (; j >= 0 && found[j]! > g; j--) found[j + 1] = found[j]!;
    found[j + 1] = g;
  }
  return found;
}
