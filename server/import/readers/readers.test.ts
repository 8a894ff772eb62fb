// The readers on files as analysts get them: a CSV whose header leaves a cell empty or repeats a
// name, a TSV, JSON lines with a broken line.
import { mkdtemp, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readerFor } from './registry.ts';
import type { SourceRow, Table } from './table.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'test-readers-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function open(name: string, text: string): Promise<Table> {
  const path = join(scratch, name);
  await writeFile(path, text);
  return readerFor(name).open(path, { name, headerRow: 1, maxUncompressedBytes: 1 << 20 });
}

async function rowsOf(table: Table): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of table.rows) rows.push(row);
  return rows;
}

/** How many of this process's open file descriptors point at `path` (Linux's /proc). */
async function openHandles(path: string): Promise<number> {
  const links = await Promise.all((await readdir('/proc/self/fd')).map((fd) => readlink(`/proc/self/fd/${fd}`).catch(() => '')));
  return links.filter((link) => link === path).length;
}

describe('table readers', () => {
  it('name a header cell left empty by its place and a repeated name by its count, instead of refusing the file', async () => {
    const table = await open('roster.csv', '姓名,备注,备注,\n测试甲,一,二,\n');
    expect(table.columns).toEqual(['姓名', '备注', '备注 (2)', '(column 4)']);
    expect(await rowsOf(table)).toEqual([{ line: 2, cells: { 姓名: '测试甲', 备注: '一', '备注 (2)': '二', '(column 4)': null } }]);
  });

  it('read a TSV by its tabs', async () => {
    const table = await open('places.tsv', 'code\tname\n650000\tXinjiang, region\n');
    expect(table.format).toBe('tsv');
    expect(await rowsOf(table)).toEqual([{ line: 2, cells: { code: '650000', name: 'Xinjiang, region' } }]);
  });

  it('sniff the delimiter from the header row on, past a title line above it and a footer below', async () => {
    // Before, every one of the first lines had to split alike: the footer made the file one column.
    const footer = await open('footer.csv', '编号;名称;类型;纬度;经度\n1;测试甲;camp;43.1;88.2\n2;测试乙;camp;43.2;88.3\n合计：2所\n');
    expect(footer.columns).toEqual(['编号', '名称', '类型', '纬度', '经度']);
    expect((await rowsOf(footer)).map((row) => [row.line, row.cells.编号, row.cells.纬度])).toEqual([
      [2, '1', '43.1'],
      [3, '2', '43.2'],
      [4, '合计：2所', null],
    ]);
    // A title line above the header in GB18030 (headerRow 2), and cells quoted around a semicolon:
    // before, the title's other count gave a comma, and the quotes then failed the file.
    const name = 'roster-gb.csv';
    const path = join(scratch, name);
    const rows = [
      '某县在押人员名单;;;;;;',
      '序号;姓名;身份证号;性别;出生日期;民族;住址;关押场所;入所日期;备注',
      '1;"测试阿不都";650000199001011234;男;1990年1月1日;维吾尔族;"喀什地区疏附县;测试村1号";F002;2017年5月28日;',
      '2;"测试古丽";65000019920215234X;女;1992年2月15日;维吾尔族;乌鲁木齐市天山区测试路2号;F001;2018年3月;家属在国外',
    ];
    await writeFile(path, iconv.encode(`${rows.join('\r\n')}\r\n`, 'gb18030'));
    const roster = await readerFor(name).open(path, { name, encoding: 'gb18030', headerRow: 2, maxUncompressedBytes: 1 << 20 });
    expect(roster.columns).toHaveLength(10);
    expect((await rowsOf(roster)).map((row) => [row.line, row.cells.姓名, row.cells.住址])).toEqual([
      [3, '测试阿不都', '喀什地区疏附县;测试村1号'],
      [4, '测试古丽', '乌鲁木齐市天山区测试路2号'],
    ]);
  });

  it('name the line of a record that does not parse, and the delimiter it was read with', async () => {
    const text = 'id,name\n1,测试甲\n\n2,"测试\n乙"\n3,测试"丙\n4,测试丁\n';
    // Before, the line was the reader's count (1, the header's), not the record's.
    await expect(open('quote.csv', text)).rejects.toThrow(
      /^quote\.csv:6: not valid CSV: Invalid Opening Quote: .* \(read with a comma \(","\) as the delimiter, as sniffed; if the file's columns are split by another, set source\.delimiter\)$/,
    );
    const path = join(scratch, 'quote.csv');
    await expect(readerFor(path).open(path, { name: 'quote.csv', delimiter: ',', headerRow: 1, maxUncompressedBytes: 1 << 20 })).rejects.toThrow(
      /^quote\.csv:6: not valid CSV: Invalid Opening Quote: [^(]*$/,
    );
  });

  it('read JSON lines, skipping blank lines, a list as its items, and name the line that is not JSON', async () => {
    const table = await open('list.jsonl', '{"name": "A", "aliases": ["B", "C"]}\n\n{"name": "D"}\n');
    expect(table.columns).toEqual(['name', 'aliases']);
    expect(await rowsOf(table)).toEqual([
      { line: 1, cells: { name: 'A', aliases: 'B; C' } },
      { line: 3, cells: { name: 'D', aliases: null } },
    ]);
    await expect(open('broken.jsonl', '{"name": "A"}\n\n\n{"name": \n')).rejects.toThrow(/^broken\.jsonl:4: not valid JSON/);
  });

  it('close the file when the reading stops early (a preview of the first rows) or never starts, in every text format', async () => {
    // Several times the readers' 1 MiB chunk, so the file is still open when the rows stop.
    const rows = Array.from({ length: 300_000 }, (_, n) => n);
    const files = {
      'long.csv': `n,name\n${rows.map((n) => `${n},name ${n}`).join('\n')}\n`,
      'long.tsv': `n\tname\n${rows.map((n) => `${n}\tname ${n}`).join('\n')}\n`,
      'long.json': JSON.stringify(rows.map((n) => ({ n, name: `name ${n}` }))),
      'long.jsonl': `${rows.map((n) => JSON.stringify({ n, name: `name ${n}` })).join('\n')}\n`,
    };
    for (const [name, text] of Object.entries(files)) {
      const table = await open(name, text);
      for await (const row of table.rows) if (row.line >= 3) break;
      // A stream's close lands on a later turn of the event loop, later still on a busy machine; without
      // the readers closing it, it stays open for good.
      await expect.poll(() => openHandles(join(scratch, name)), { message: name, timeout: 10_000 }).toBe(0);
      // Opened for its header only (a mapping refused before its first row), then closed.
      const unread = await open(name, text);
      await unread.close();
      await expect.poll(() => openHandles(join(scratch, name)), { message: `${name}, unread`, timeout: 10_000 }).toBe(0);
    }
  });
  it('close the file when it is refused before its table exists: an unknown encoding, a header that does not read', async () => {
    // Several of the readers' 1 MiB chunks, so the file is still open when it is refused.
    const rows = Array.from({ length: 300_000 }, (_, n) => n);
    const refused = {
      'bad-quote.csv': `n,na"me\n${rows.map((n) => `${n},name ${n}`).join('\n')}\n`,
      'numbers.json': JSON.stringify(rows),
      'broken.jsonl': `{"name": \n${rows.map((n) => JSON.stringify({ n })).join('\n')}\n`,
    };
    for (const [name, text] of Object.entries(refused)) {
      await expect(open(name, text), name).rejects.toThrow();
      await expect.poll(() => openHandles(join(scratch, name)), { message: name, timeout: 10_000 }).toBe(0);
    }
    const path = join(scratch, 'bad-quote.csv');
    const typo = { name: 'bad-quote.csv', headerRow: 1, maxUncompressedBytes: 1 << 20, encoding: 'GB1803O' };
    await expect(readerFor(path).open(path, typo)).rejects.toThrow(/unknown encoding "GB1803O"/);
    await expect.poll(() => openHandles(path), { message: 'unknown encoding', timeout: 10_000 }).toBe(0);
  });

  it('refuse a JSON array that is not valid UTF-8, naming the encoding it looks like, and let the process go on', async () => {
    const name = 'roster-gb18030.json';
    const path = join(scratch, name);
    const people = Array.from({ length: 50 }, (_, n) => ({ 姓名: `测试阿不都${n}`, 住址: '疏附县 测试乡' }));
    await writeFile(path, iconv.encode(JSON.stringify(people), 'gb18030'));
    // Before, the failure reached no listener: an uncaught error, which ended the server (and fails this run).
    await expect(readerFor(name).open(path, { name, headerRow: 1, maxUncompressedBytes: 1 << 20 })).rejects.toThrow(
      /not valid UTF-8 at byte \d+ .*it looks like GB18030/,
    );
  });

  it('refuse a CSV or TSV whose first byte that is not UTF-8 lies past their first MiB, naming the encoding it looks like', async () => {
    for (const [name, delimiter] of [
      ['latin-late.csv', ','],
      ['latin-late.tsv', '\t'],
    ] as const) {
      const path = join(scratch, name);
      const filler = Array.from({ length: 1_100 }, (_, n) => [n, `Test Latin ${n}`, 'x'.repeat(1_000)].join(delimiter));
      const late = ['1100', 'Test Latin Ürümqi', 'Außenstelle für Überwachung nördlich der Straße'].join(delimiter);
      await writeFile(path, iconv.encode(`${['no', 'name', 'note'].join(delimiter)}\n${filler.join('\n')}\n${late}\n`, 'latin1'));
      const table = await readerFor(name).open(path, { name, headerRow: 1, maxUncompressedBytes: 1 << 20 });
      // Before, pipe() passed the failure on to no one: the rows waited for ever and the error went uncaught.
      await expect(rowsOf(table), name).rejects.toThrow(new RegExp(`^${name}:1102: not valid UTF-8 at byte [\\d,]+ .*it looks like ISO-8859-1`));
    }
  });

  it('give the event loop a turn every few rows, so a server reading a large file still answers its other requests', async () => {
    // Several of the readers' 1 MiB chunks: each chunk's rows come at once, as resolved promises.
    const rows = Array.from({ length: 200_000 }, (_, n) => n);
    const files = {
      'turns.csv': `n,name\n${rows.map((n) => `${n},name ${n}`).join('\n')}\n`,
      'turns.json': JSON.stringify(rows.map((n) => ({ n, name: `name ${n}` }))),
      'turns.jsonl': `${rows.map((n) => JSON.stringify({ n, name: `name ${n}` })).join('\n')}\n`,
    };
    for (const [name, text] of Object.entries(files)) {
      const table = await open(name, text);
      // A callback that runs once per turn of the event loop, as a request's socket would be read.
      let turns = 0;
      let reading = true;
      const turn = () => {
        turns += 1;
        if (reading) setImmediate(turn);
      };
      setImmediate(turn);
      let longestRun = 0;
      let run = 0;
      let lastTurns = turns;
      let read = 0;
      for await (const _row of table.rows) {
        read += 1;
        if (turns === lastTurns) run += 1;
        else [run, lastTurns] = [1, turns];
        longestRun = Math.max(longestRun, run);
      }
      reading = false;
      expect(read, name).toBe(rows.length);
      // Without the turns, a whole chunk's rows (over 50,000 here) ran between two of them.
      expect(longestRun, name).toBeLessThanOrEqual(128);
    }
  });
});
