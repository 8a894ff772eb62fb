// The ids a file gives, kept on disk while the check pass reads it, so an import's memory does not
// grow with the file. Each node or link the file makes (and each reference the graph did not answer
// for) is appended as 20 bytes, a hash of its id and of its values, its line and its place in the
// file's order, to one of 64 partition files chosen by the id's hash. When the pass ends, `settle`
// reads one partition at a time (a hash table of that partition's ids only) and says:
//  - which elements are the first of their id: the write pass writes each id on that element alone
//    (a bit per element: 1.2 MB for the 9.6 million elements of a 1 GB roster);
//  - which ids come again with other values: a key collision, with both lines;
//  - which references name no node of the file: those must be in the graph.
// Partitions are appended in the file's order, so within one the first of an id is the first read.
// Held in memory instead (16 bytes an id, in two tables), a 1 GB roster took 270 MB for its ids alone.
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Two 32-bit hashes of the text (FNV-1a, and a multiply-and-shift mix seeded by its length): 64 bits, so a false "same id" among ten million ids is about one chance in 400,000. */
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

/** One bit per element, growing as elements come. */
export class ElementBits {
  private bits = new Uint8Array(1024);

  set(index: number): void {
    while (index >> 3 >= this.bits.length) {
      const grown = new Uint8Array(this.bits.length * 2);
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[index >> 3]! |= 1 << (index & 7);
  }

  has(index: number): boolean {
    return ((this.bits[index >> 3] ?? 0) & (1 << (index & 7))) !== 0;
  }
}

export type ElementKind = 'node' | 'link';

/** An id given again with other values: `ordinal` is the later element, `firstLine` where the id first came. */
export interface Collision {
  kind: ElementKind;
  ordinal: number;
  line: number;
  firstLine: number;
}

export interface Settlement {
  /** Elements that are the first of their id. */
  first: ElementBits;
  /** In the file's order within each partition; the first `MAX_COLLISIONS` kept, the rest counted. */
  collisions: Collision[];
  collisionsLeftOut: number;
  /** References (by the index `noteReference` was given) whose id no node of the file has; each id once. */
  outside: number[];
  /** Such references noted as NOT_KEPT: their line and id hash, to be named by reading the file again. */
  unnamedOutside: { line: number; h1: number; h2: number }[];
  unnamedOutsideLeftOut: number;
}

/** The index of a reference its caller did not keep (past its own cap): the ledger keeps its line instead. */
export const NOT_KEPT = 0xffffffff;

/** Collisions a settlement lists; an import refused for thousands of them names the first few thousand. */
export const MAX_COLLISIONS = 5_000;

// A record: id hash (2 words), values hash, line with the record's kind in its top two bits, and the
// element's ordinal (or the reference's index).
const WORDS = 5;
const KIND_SHIFT = 30;
const LINE_MASK = (1 << KIND_SHIFT) - 1;
const KINDS = { node: 0, link: 1, reference: 2 } as const;
/** Records a partition buffers before they are written out: 40 KB, 2.6 MB for all 64. */
const BUFFERED = 2_048;
/**
 * Partitions: a 1 GB roster's 9.6 million elements settle 150,000 at a time (a table of 4 MB). A
 * partition is a file only once its buffer first fills: a small file's ledger never leaves memory.
 */
const PARTITION_BITS = 6;

/** Ledger folders not yet removed: an import stopped by Ctrl-C (process.exit) skips its `finally`. */
const liveFolders = new Set<string>();
process.once('exit', () => {
  for (const folder of liveFolders) {
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch {
      // Exiting anyway: a folder left in the temporary folder is the system's to clear.
    }
  }
});

class Partition {
  buffer = new Uint32Array(BUFFERED * WORDS);
  buffered = 0;
  written = 0;
  fd: number | null = null;

  constructor(readonly path: string) {}

  append(h1: number, h2: number, values: number, lineAndKind: number, ordinal: number): void {
    const at = this.buffered * WORDS;
    this.buffer[at] = h1;
    this.buffer[at + 1] = h2;
    this.buffer[at + 2] = values;
    this.buffer[at + 3] = lineAndKind;
    this.buffer[at + 4] = ordinal;
    if (++this.buffered === BUFFERED) this.flush();
  }

  flush(): void {
    if (this.buffered === 0) return;
    this.fd ??= openSync(this.path, 'a', 0o600);
    const bytes = new Uint8Array(this.buffer.buffer, 0, this.buffered * WORDS * 4);
    // A write may be short (a disk nearly full): the rest is written, or the error thrown.
    for (let offset = 0; offset < bytes.length; ) {
      const written = writeSync(this.fd, bytes, offset, bytes.length - offset);
      if (written === 0) throw new Error(`${this.path}: the import's id ledger could not be written (disk full?)`);
      offset += written;
    }
    this.written += this.buffered;
    this.buffered = 0;
  }

  /** Every record, in the order appended. */
  records(): Uint32Array {
    const all = new Uint32Array((this.written + this.buffered) * WORDS);
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
      const fd = openSync(this.path, 'r');
      try {
        const bytes = new Uint8Array(all.buffer, 0, this.written * WORDS * 4);
        for (let offset = 0; offset < bytes.length; ) {
          const read = readSync(fd, bytes, offset, bytes.length - offset, offset);
          if (read === 0) throw new Error(`${this.path}: the import's id ledger ends at byte ${offset} of ${bytes.length}`);
          offset += read;
        }
      } finally {
        closeSync(fd);
      }
    }
    all.set(this.buffer.subarray(0, this.buffered * WORDS), this.written * WORDS);
    return all;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

export class IdLedger {
  private elements = 0;
  private readonly partitions: Partition[];
  private readonly shift: number;

  private constructor(readonly folder: string) {
    this.shift = 32 - PARTITION_BITS;
    this.partitions = Array.from({ length: 1 << PARTITION_BITS }, (_, index) => new Partition(join(folder, `${index}.ids`)));
    liveFolders.add(folder);
  }

  /** A ledger in a private temporary folder (the system's, TMPDIR); `dispose` removes it. */
  static async create(): Promise<IdLedger> {
    return new IdLedger(await mkdtemp(join(tmpdir(), 'xpf-import-ids-')));
  }

  /** Elements noted so far: the next element's ordinal. */
  get size(): number {
    return this.elements;
  }

  private partitionOf(h1: number): Partition {
    return this.partitions[h1 >>> this.shift]!;
  }

  /** The next element of the file, in its order: its ordinal is `size` before the call. */
  noteElement(kind: ElementKind, id: string, valuesHash: number, line: number): void {
    // A link's id is hashed apart from nodes', so it can neither collide with a node nor meet a reference.
    const [h1, h2] = hash64(kind === 'link' ? `link\u0000${id}` : id);
    this.partitionOf(h1).append(h1, h2, valuesHash, (KINDS[kind] << KIND_SHIFT) | (line & LINE_MASK), this.elements++);
  }

  /** A node the file names by id on `line` without making it (`index`: the caller's number for it, or NOT_KEPT). */
  noteReference(id: string, index: number, line: number): void {
    const [h1, h2] = hash64(id);
    this.partitionOf(h1).append(h1, h2, 0, (KINDS.reference << KIND_SHIFT) | (line & LINE_MASK), index);
  }

  async settle(): Promise<Settlement> {
    const settlement: Settlement = {
      first: new ElementBits(),
      collisions: [],
      collisionsLeftOut: 0,
      outside: [],
      unnamedOutside: [],
      unnamedOutsideLeftOut: 0,
    };
    for (const partition of this.partitions) {
      // Reading the records closes the partition's file.
      const records = partition.records();
      settlePartition(records, settlement);
      // Let a busy server answer between partitions.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return settlement;
  }

  async dispose(): Promise<void> {
    for (const partition of this.partitions) partition.close();
    await rm(this.folder, { recursive: true, force: true });
    liveFolders.delete(this.folder);
  }
}

/** One partition: an open-addressing table of its ids (id hash, values hash, line with kind). */
function settlePartition(records: Uint32Array, settlement: Settlement): void {
  const count = records.length / WORDS;
  let slots = 16;
  while (slots * 0.6 < count) slots *= 2;
  const table = new Uint32Array(slots * 4);
  const mask = slots - 1;
  const slotOf = (h1: number, h2: number) => {
    for (let slot = (h1 ^ Math.imul(h2, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 4;
      if (table[at] === 0 || (table[at] === h1 && table[at + 1] === h2)) return at;
    }
  };
  const references: number[] = [];
  for (let record = 0; record < records.length; record += WORDS) {
    const kind = records[record + 3]! >>> KIND_SHIFT;
    if (kind === KINDS.reference) {
      references.push(record);
      continue;
    }
    const h1 = records[record]!;
    const h2 = records[record + 1]!;
    const at = slotOf(h1, h2);
    if (table[at] === 0) {
      table.set(records.subarray(record, record + 4), at);
      settlement.first.set(records[record + 4]!);
    } else if (table[at + 2] !== records[record + 2]) {
      if (settlement.collisions.length >= MAX_COLLISIONS) settlement.collisionsLeftOut++;
      else {
        settlement.collisions.push({
          kind: kind === KINDS.node ? 'node' : 'link',
          ordinal: records[record + 4]!,
          line: records[record + 3]! & LINE_MASK,
          firstLine: table[at + 3]! & LINE_MASK,
        });
      }
    }
  }
  // A reference is met by a node of the file wherever in the file that node is. One noted twice (its
  // caller's bounded memory of recent ids forgot it) is one problem: reported at its first line.
  const reported = new Set<string>();
  for (const record of references) {
    const h1 = records[record]!;
    const h2 = records[record + 1]!;
    const at = slotOf(h1, h2);
    if (table[at] !== 0 && table[at + 3]! >>> KIND_SHIFT === KINDS.node) continue;
    if (reported.has(`${h1}:${h2}`)) continue;
    reported.add(`${h1}:${h2}`);
    const index = records[record + 4]!;
    if (index !== NOT_KEPT) settlement.outside.push(index);
    else if (settlement.unnamedOutside.length >= MAX_COLLISIONS) settlement.unnamedOutsideLeftOut++;
    else settlement.unnamedOutside.push({ line: records[record + 3]! & LINE_MASK, h1, h2 });
  }
}
