// Which groups of literal keywords occur in a text, in one pass over it: an Aho–Corasick automaton over the
// keywords' characters (the secret detectors each name the literals their pattern needs; one `includes` per
// keyword per text cost more than the detectors that then run).

/**
 * Built once per list of groups. `present(text)[g]` is 1 when some keyword of group `g` occurs in `text`
 * (case-sensitive, as `text.includes(k)`), else 0. An empty keyword occurs in every text.
 */
export class KeywordGroups {
  /** per UTF-16 code unit, its column in the transition table (0: a unit no keyword holds). */
  private readonly column: Uint8Array | Uint16Array;
  private readonly width: number;
  /** state × column → next state (a full automaton: no failure links are followed while scanning). */
  private readonly next: Int32Array;
  /** the groups a state completes a keyword of: groups[outStart[s] .. outStart[s + 1]). */
  private readonly outStart: Int32Array;
  private readonly out: Int32Array;
  private readonly count: number;
  /** groups with an empty keyword: present in every text. */
  private readonly always: readonly number[];

  constructor(groups: readonly (readonly string[])[]) {
    this.count = groups.length;
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
    this.next = next;
    this.outStart = new Int32Array(states + 1);
    let total = 0;
    for (let s = 0; s < states; s++) {
      this.outStart[s] = total;
      total += ends[s]!.length;
    }
    this.outStart[states] = total;
    this.out = new Int32Array(total);
    for (let s = 0; s < states; s++) this.out.set(ends[s]!, this.outStart[s]!);
  }

  present(text: string): Uint8Array {
    const hit = new Uint8Array(this.count);
    let left = this.count;
    for (const g of this.always) {
      hit[g] = 1;
      left--;
    }
    const { column, next, outStart, out, width } = this;
    let s = 0;
    for (let i = 0, n = text.length; i < n && left > 0; i++) {
      s = next[s * width + column[text.charCodeAt(i)]!]!;
      for (let o = outStart[s]!, end = outStart[s + 1]!; o < end; o++) {
        const g = out[o]!;
        if (hit[g] === 0) {
          hit[g] = 1;
          left--;
        }
      }
    }
    return hit;
  }
}
