// Which groups of literal keywords occur in a text, in one pass over it: an Aho–Corasick automaton over the
// keywords' characters (the secret detectors each name the literals their pattern needs; one `includes` per
// keyword per text cost more than the detectors that then run).

/**
 * Built once per list of groups. `present(text)` lists the groups `g` with some keyword in `text` (case-sensitive,
 * as `text.includes(k)`). An empty keyword occurs in every text.
 */
export class KeywordGroups {
  /** per UTF-16 code unit, its column in the transition table (0: a unit no keyword holds). */
  private readonly column: Uint8Array | Uint16Array;
  private readonly width: number;
  /**
   * A full automaton (no failure links are followed while scanning). States are numbered by their row's offset
   * (state × width), so a step is one lookup: `next[state + column]` is the next state's row.
   */
  private readonly next: Uint16Array | Int32Array;
  /** rows from here on are of states that end a keyword (the k-th such state's groups: out[outStart[k] .. outStart[k + 1])). */
  private readonly firstOutRow: number;
  private readonly outStart: Int32Array;
  private readonly out: Int32Array;
  /** groups with an empty keyword: present in every text. */
  private readonly always: readonly number[];
  /** per group, the stamp of the last call that found it. */
  private readonly marks: Uint32Array;
  private stamp = 0;

  constructor(groups: readonly (readonly string[])[]) {
    this.marks = new Uint32Array(groups.length);
    const always: number[] = [];
    const units = new Map<number, number>();
    for (const group of groups) {
      for (const k of group) {
        for (let i = 0; i < k.length; i++) if (!units.has(k.charCodeAt(i))) units.set(k.charCodeAt(i), units.size + 1);
      }
    }
    this.width = units.size + 1;
    this.column = this.width <= 0xff ? new Uint8Array(0x10000) : new Uint16Array(0x10000);
    for (const [unit, col] of units) this.column[unit] = col;

    // The trie: children per state by column, and the groups each state ends a keyword of.
    const children: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    groups.forEach((group, g) => {
      for (const k of group) {
        if (k.length === 0) {
          if (!always.includes(g)) always.push(g);
          continue;
        }
        let s = 0;
        for (let i = 0; i < k.length; i++) {
          const col = this.column[k.charCodeAt(i)]!;
          let child = children[s]!.get(col);
          if (child === undefined) {
            child = children.length;
            children.push(new Map());
            ends.push([]);
            children[s]!.set(col, child);
          }
          s = child;
        }
        if (!ends[s]!.includes(g)) ends[s]!.push(g);
      }
    });
    this.always = always;

    // Breadth first: a state's failure state is shallower, so its transitions and outputs are complete already.
    const states = children.length;
    const next = new Int32Array(states * this.width);
    const fail = new Int32Array(states);
    const order: number[] = [0];
    for (let qi = 0; qi < order.length; qi++) {
      const s = order[qi]!;
      for (let col = 1; col < this.width; col++) {
        const child = children[s]!.get(col);
        const viaFail = s === 0 ? 0 : next[fail[s]! * this.width + col]!;
        if (child === undefined) {
          next[s * this.width + col] = viaFail;
        } else {
          next[s * this.width + col] = child;
          fail[child] = viaFail;
          for (const g of ends[viaFail]!) if (!ends[child]!.includes(g)) ends[child]!.push(g);
          order.push(child);
        }
      }
    }
    // Renumbered so that the states that end a keyword come last: while scanning, one comparison of the row with
    // `firstOutRow` says whether the state has groups to take. Row offsets in 16 bits where they fit (the table then
    // stays in the cache).
    const rank = new Int32Array(states);
    const ending: number[] = [];
    let ranked = 0;
    for (let s = 0; s < states; s++) {
      if (ends[s]!.length === 0) rank[s] = ranked++;
      else ending.push(s);
    }
    this.firstOutRow = ranked * this.width;
    for (const s of ending) rank[s] = ranked++;
    this.next = next.length <= 0x10000 ? new Uint16Array(next.length) : new Int32Array(next.length);
    for (let s = 0; s < states; s++) {
      for (let col = 0; col < this.width; col++) this.next[rank[s]! * this.width + col] = rank[next[s * this.width + col]!]! * this.width;
    }
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
    const { column, next, firstOutRow, outStart, out, marks, width } = this;
    const found: number[] = [];
    for (const g of this.always) {
      marks[g] = stamp;
      found.push(g);
    }
    let row = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      row = next[row + column[text.charCodeAt(i)]!]!;
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
    return found.length > 1 ? found.sort((x, y) => x - y) : found;
  }

  private nextStamp(): number {
    if (++this.stamp === 0xffffffff) {
      this.marks.fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }
}
