import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { IdLedger, NOT_KEPT, hash64 } from './id-ledger.ts';

describe('IdLedger', () => {
  it('the first of each id, collisions with both lines, references the file does not make; its folder removed after', async () => {
    const ledger = await IdLedger.create();
    // 150,000 rows, each a node and a link: past the partitions' buffers, so records go to disk and back.
    // Every tenth row names again the first row's node, with the same values.
    const rows = 150_000;
    for (let line = 1; line <= rows; line++) {
      const repeat = line % 10 === 0;
      ledger.noteElement('node', `n:${repeat ? 1 : line}`, repeat ? 1 : line, line);
      ledger.noteElement('link', `l:${line}`, 7, line);
    }
    expect((await readdir(ledger.folder)).length).toBe(64);
    // The next line makes n:5 again with other values, then names a new node twice.
    ledger.noteElement('node', 'n:5', 999, rows + 1);
    ledger.noteElement('node', 'n:new', 1, rows + 1);
    ledger.noteElement('node', 'n:new', 1, rows + 1);
    // A link of the same id as a node is no collision.
    ledger.noteElement('link', 'n:7', 3, rows + 1);
    ledger.noteReference('n:149999', 0, 3);
    ledger.noteReference('n:missing', 1, 4);
    // Noted again (its caller forgot it had): still one reference outside the file.
    ledger.noteReference('n:missing', 1, 9);
    // A link's id is not a node: a reference to it is outside the file.
    ledger.noteReference('l:3', 2, 5);
    // One its caller did not keep: the ledger keeps where it is.
    ledger.noteReference('n:gone', NOT_KEPT, 6);
    expect(ledger.size).toBe(2 * rows + 4);

    const settled = await ledger.settle();
    await ledger.dispose();
    expect(existsSync(ledger.folder)).toBe(false);

    const firsts = Array.from({ length: ledger.size }, (_, ordinal) => settled.first.has(ordinal));
    // Rows 10, 20, ... repeat a node: their node (ordinal 2 * (line - 1)) is not a first; 15,000 of them.
    expect(firsts.filter((first) => !first).length).toBe(rows / 10 + 2);
    expect(firsts[2 * (20 - 1)]).toBe(false);
    expect(firsts[2 * (20 - 1) + 1]).toBe(true);
    expect(firsts[0]).toBe(true);
    expect(firsts[2 * (11 - 1)]).toBe(true);
    expect(firsts.slice(2 * rows)).toEqual([false, true, false, true]);
    expect(settled.collisions).toEqual([{ kind: 'node', ordinal: 2 * rows, line: rows + 1, firstLine: 5 }]);
    expect(settled.outside.sort()).toEqual([1, 2]);
    const [h1, h2] = hash64('n:gone');
    expect(settled.unnamedOutside).toEqual([{ line: 6, h1, h2 }]);
  });
});
