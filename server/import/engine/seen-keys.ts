// The ids a file has produced so far, in bounded memory: 16 bytes an id (a 64-bit hash, a hash of
// its values, the line that first gave it) in one typed array, never the id strings themselves.
// It tells a key collision (the same id with other values) from a repeat (the same entity named
// again), and the write pass writes each id on the line that first gave it.

/** Two independent 32-bit FNV-1a hashes of the text: a false "same id" needs both to collide (about 1 in 10^19). */
export function hash64(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
  }
  return [a >>> 0 || 1, b >>> 0];
}

export function hash32(text: string): number {
  return hash64(text)[1];
}

export type Seen = { first: true } | { first: false; line: number; same: boolean };

const SLOT = 4;
const MAX_LOAD = 0.7;

export class SeenKeys {
  private table: Uint32Array;
  private count = 0;

  /** `expected`: ids the file may hold (an estimate from its size), so the table rarely grows. */
  constructor(expected = 1024) {
    let slots = 1024;
    while (slots * MAX_LOAD < expected) slots *= 2;
    this.table = new Uint32Array(slots * SLOT);
  }

  get size(): number {
    return this.count;
  }

  private slotOf(table: Uint32Array, h1: number, h2: number): number {
    const mask = table.length / SLOT - 1;
    for (let slot = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      if (table[at] === 0 || (table[at] === h1 && table[at + 1] === h2)) return at;
    }
  }

  /** Records an id with the hash of its values on `line`; says whether it was seen before, where, and whether alike. */
  note(id: string, valuesHash: number, line: number): Seen {
    const [h1, h2] = hash64(id);
    const at = this.slotOf(this.table, h1, h2);
    if (this.table[at] !== 0) return { first: false, line: this.table[at + 3]!, same: this.table[at + 2] === valuesHash };
    this.table[at] = h1;
    this.table[at + 1] = h2;
    this.table[at + 2] = valuesHash;
    this.table[at + 3] = line;
    if (++this.count > (this.table.length / SLOT) * MAX_LOAD) this.grow();
    return { first: true };
  }

  /** The line that first gave `id`, or undefined when the file never did. */
  firstLine(id: string): number | undefined {
    const [h1, h2] = hash64(id);
    const at = this.slotOf(this.table, h1, h2);
    return this.table[at] === 0 ? undefined : this.table[at + 3];
  }

  private grow(): void {
    const next = new Uint32Array(this.table.length * 2);
    for (let at = 0; at < this.table.length; at += SLOT) {
      if (this.table[at] === 0) continue;
      const to = this.slotOf(next, this.table[at]!, this.table[at + 1]!);
      next.set(this.table.subarray(at, at + SLOT), to);
    }
    this.table = next;
  }
}
