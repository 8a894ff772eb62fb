import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { IdLedger } from './id-ledger.ts';

const ledgerFolders = async () => (await readdir(tmpdir())).filter((name) => name.startsWith('xpf-import-ids-')).sort();

describe('IdLedger', () => {
  for (const [title, expected] of [
    ['one partition', 1_000],
    ['64 partitions', 50_000_000],
  ] as const) {
    it(`${title}: the first of each id, collisions with both lines, references the file does not make`, async () => {
      const before = await ledgerFolders();
      const ledger = await IdLedger.create(expected);
      // 30,000 rows, each a node and a link: past a partition's buffer, so records go to disk and back.
      // Every tenth row names again the first row's node, with the same values.
      for (let line = 1; line <= 30_000; line++) {
        const repeat = line % 10 === 0;
        ledger.noteElement('node', `n:${repeat ? 1 : line}`, repeat ? 1 : line, line);
        ledger.noteElement('link', `l:${line}`, 7, line);
      }
      // Line 30,001 makes n:5 again with other values, then names itself twice on one row.
      ledger.noteElement('node', 'n:5', 999, 30_001);
      ledger.noteElement('node', 'n:new', 1, 30_001);
      ledger.noteElement('node', 'n:new', 1, 30_001);
      ledger.noteReference('n:29999', 0);
      ledger.noteReference('n:missing', 1);
      // A link's id is not a node: a reference to it is outside the file.
      ledger.noteReference('l:3', 2);
      expect(ledger.size).toBe(60_003);
      expect((await ledgerFolders()).length).toBe(before.length + 1);

      const settled = await ledger.settle();
      await ledger.dispose();
      expect(await ledgerFolders()).toEqual(before);

      const firsts = Array.from({ length: 60_003 }, (_, ordinal) => settled.first.has(ordinal));
      // Rows 10, 20, ... repeat a node: their node (ordinal 2 * (line - 1)) is not a first; 3,000 of them.
      expect(firsts.filter((first) => !first).length).toBe(3_000 + 2);
      expect(firsts[2 * (20 - 1)]).toBe(false);
      expect(firsts[2 * (20 - 1) + 1]).toBe(true);
      expect(firsts[0]).toBe(true);
      expect(firsts[2 * (11 - 1)]).toBe(true);
      expect(firsts.slice(60_000)).toEqual([false, true, false]);
      expect(settled.collisions).toEqual([{ kind: 'node', ordinal: 60_000, line: 30_001, firstLine: 5 }]);
      expect(settled.outside.sort()).toEqual([1, 2]);
    });
  }
});
