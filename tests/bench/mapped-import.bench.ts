// The mapped import beside the bare driver, and its memory on a 1 GB file (called by
// tests/bench/import.bench.ts, or run alone: `node --import tsx tests/bench/mapped-import.bench.ts
// [--rows N] [--gigabytes G] [--smoke]`). A synthetic roster CSV (Chinese headers, Chinese dates, a
// link to one of 50 facilities per row) is written to a temporary folder and deleted after.
//  - Throughput: the same file through runMappedImport (check pass, write pass, matching, merges with
//    claims) and through what a developer would write (csv-parse, fields mapped in code, batched
//    UNWIND ... CREATE), each on a fresh Neo4j; their rows per second and the ratio (target >= 0.8x).
//  - Memory: `npm run import` of a file of G gigabytes in a child process; the import's peak resident
//    memory (maxRSS; target <= 300 MB whatever the file's size).
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import type { Driver } from 'neo4j-driver';
import { parseMapping } from '../../server/import/mapping/load-mapping.ts';
import { runMappedImport } from '../../server/import/engine/mapped-import.ts';
import { GraphExecutor, toDriverParams } from '../../server/graph/executor.ts';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { emptied, loadAverage, withFreshNeo4j } from './fresh-neo4j.ts';

const FACILITIES = 50;

const MAPPING = `schemaVersion: 1
name: bench roster
namespace: bench-roster
confidence: reported
entities:
  detainee:
    kind: Detainee
    key: [身份证号]
    properties:
      name: 姓名
      idNumber: 身份证号
      birthDate: { column: 出生日期, date: YYYY年M月D日 }
      ethnicity: 民族
      address: 住址
      synthetic: { literal: true }
  facility:
    kind: Facility
    key: [关押场所]
    namespace: bench-facilities
    reference: true
links:
  - type: DETAINED_AT
    from: detainee
    to: facility
    properties:
      from: { column: 入所日期, date: YYYY年M月D日 }
unmapped:
  keep: { on: detainee, prefix: raw_ }
`;

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂'];

/**
 * Row `n` of the roster: about 230 bytes, like a leaked roster's rows with an address and a note. A
 * hundred names, as a roster repeats its common names; birth dates scattered over fifty years, so
 * a name and a birth date seldom come together twice. (Both once followed `n` in step: every
 * 2,100th row was the same name born the same day, a possible duplicate of the rows before it, which
 * a roster of different people is not.)
 */
function row(n: number): string {
  const name = `${SURNAMES[n % SURNAMES.length]}${GIVEN[(n * 7) % GIVEN.length]}${GIVEN[(n * 13) % GIVEN.length]}`;
  const scattered = Math.imul(n + 1, 0x9e3779b1) >>> 0;
  const year = 1950 + (scattered % 50);
  const month = 1 + ((scattered >>> 8) % 12);
  const day = 1 + ((scattered >>> 16) % 28);
  const id = `6501${String(n).padStart(10, '0')}${String(n % 10_000).padStart(4, '0')}`;
  return `${n},${name},${id},${year}年${month}月${day}日,维吾尔族,新疆维吾尔自治区喀什地区疏附县测试乡${n % 97}村${n % 331}号,F${n % FACILITIES},2017年${month}月${day}日,第${n % 13}批 备注文字用于模拟真实名单中的说明内容\n`;
}

const HEADER = '序号,姓名,身份证号,出生日期,民族,住址,关押场所,入所日期,备注\n';

/** Writes the roster until it holds `rows` rows or reaches `bytes`, whichever comes first. */
export async function writeRoster(path: string, limit: { rows?: number; bytes?: number }): Promise<{ rows: number; bytes: number }> {
  const out = createWriteStream(path);
  let bytes = Buffer.byteLength(HEADER);
  out.write(HEADER);
  let rows = 0;
  while ((limit.rows === undefined || rows < limit.rows) && (limit.bytes === undefined || bytes < limit.bytes)) {
    const chunk: string[] = [];
    for (let i = 0; i < 10_000 && (limit.rows === undefined || rows < limit.rows); i++) chunk.push(row(rows++));
    const text = chunk.join('');
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { rows, bytes };
}

async function facilities(driver: Driver): Promise<void> {
  const rows = Array.from({ length: FACILITIES }, (_, n) => ({ id: `bench-facilities:facility:F${n}`, name: `Bench facility ${n}` }));
  await driver.executeQuery(
    "UNWIND $rows AS row CREATE (f:Entity:Facility {id: row.id, name: row.name, facilityType: 'camp', sources: ['bench'], confidence: 'reported'})",
    { rows },
  );
}

/** What a developer would write with the bare driver: parse, map fields in code, UNWIND ... CREATE. */
async function baseline(driver: Driver, path: string): Promise<number> {
  const chinese = (text: string) => {
    const [, y, m, d] = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text)!;
    return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  };
  let nodes: Record<string, unknown>[] = [];
  let links: Record<string, unknown>[] = [];
  const flush = async () => {
    await driver.executeQuery('UNWIND $rows AS row CREATE (n:Entity:Person:Detainee) SET n = row', toDriverParams({ rows: nodes }) as Record<string, unknown>);
    await driver.executeQuery(
      'UNWIND $rows AS row MATCH (d:Entity {id: row.source}) MATCH (f:Entity {id: row.target}) CREATE (d)-[r:DETAINED_AT]->(f) SET r.id = row.id, r.from = date(row.from)',
      toDriverParams({ rows: links }) as Record<string, unknown>,
    );
    nodes = [];
    links = [];
  };
  let rows = 0;
  for await (const record of createReadStream(path).pipe(parse({ columns: true })) as AsyncIterable<Record<string, string>>) {
    const id = `bench-roster:person:${record.身份证号}`;
    nodes.push({
      id,
      name: record.姓名,
      idNumber: record.身份证号,
      birthDate: chinese(record.出生日期!),
      ethnicity: record.民族,
      address: record.住址,
      raw_备注: record.备注,
    });
    links.push({ id: `${id}:detained`, source: id, target: `bench-facilities:facility:${record.关押场所}`, from: chinese(record.入所日期!) });
    rows++;
    if (nodes.length >= 2_000) await flush();
  }
  if (nodes.length > 0) await flush();
  return rows;
}

async function mapped(driver: Driver, path: string): Promise<number> {
  const graph = new GraphExecutor(driver, await loadCatalogue(), { timeoutMs: 600_000 });
  const result = await runMappedImport(graph, { path, name: 'bench-roster.csv', mapping: parseMapping('bench.yaml', MAPPING), who: 'bench' });
  if (result.status !== 'complete') throw new Error(`the mapped import ended ${result.status}: ${JSON.stringify(result.report.entries.slice(0, 3))}`);
  return result.report.keptRows;
}

const memory = { heap: '2g', pageCache: '1g' };

/**
 * A database another bench already started: the smoke run (`npm test`) uses one instead of a fresh one
 * per figure, where starting Neo4j five times took longer than the work; its figures are then not
 * comparable, only proof that the bench still runs.
 */
export interface SharedDatabase {
  driver: Driver;
  connection: { uri: string; user: string; password: string };
}

/** Rows per second of the mapped import and of the bare driver on the same file, each on a fresh Neo4j. */
export async function benchMappedCsv(rows: number, database?: SharedDatabase): Promise<{ ours: number; bare: number; ratio: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'xpf-bench-mapped-'));
  try {
    const path = join(dir, 'roster.csv');
    const written = await writeRoster(path, { rows });
    const timedOn = async (driver: Driver, work: (driver: Driver) => Promise<number>) => {
      await facilities(driver);
      const started = performance.now();
      const done = await work(driver);
      return done / ((performance.now() - started) / 1000);
    };
    const timed = async (work: (driver: Driver) => Promise<number>) =>
      database ? timedOn(await emptied(database.driver), work) : withFreshNeo4j(memory, (driver) => timedOn(driver, work));
    const loadBefore = await loadAverage();
    const bare = await timed((driver) => baseline(driver, path));
    const ours = await timed((driver) => mapped(driver, path));
    const ratio = ours / bare;
    console.log(
      `mapped CSV  ${written.rows.toLocaleString('en')} rows (${(written.bytes / 1e6).toFixed(1)} MB); load average ${loadBefore} before, ${await loadAverage()} after`,
    );
    console.log(`  bare UNWIND  ${Math.round(bare).toLocaleString('en')} rows/s`);
    console.log(`  mapped       ${Math.round(ours).toLocaleString('en')} rows/s (check pass, write pass, matching, merges with claims)`);
    console.log(`  ratio        ${ratio.toFixed(2)}x the bare driver (target >= 0.80x)`);
    return { ours, bare, ratio };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Peak resident memory of the CLI importing a roster of `gigabytes`, measured in its own process. */
export async function benchPeakMemory(gigabytes: number, database?: SharedDatabase): Promise<{ bytes: number; peakMb: number; rows: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'xpf-bench-memory-'));
  try {
    const path = join(dir, 'roster.csv');
    const written = await writeRoster(path, { bytes: gigabytes * 1024 ** 3 });
    const mappingPath = join(dir, 'roster.yaml');
    await writeFile(mappingPath, MAPPING);
    const measure = async (driver: Driver, connection: SharedDatabase['connection']) => {
      await facilities(driver);
      // `npm run import`, as an analyst runs it: the script's own Node options are part of what is measured.
      const child = spawn('npm', ['run', '--silent', 'import', '--', path, '--mapping', mappingPath], {
        env: {
          ...process.env,
          NEO4J_URI: connection.uri,
          NEO4J_USER: connection.user,
          NEO4J_PASSWORD: connection.password,
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import tsx --import ${join(import.meta.dirname, 'report-peak-rss.ts')}`.trim(),
          REPORT_PEAK_RSS_OF: 'import-cli.ts',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      const peak = /peak-rss-kb (\d+)/.exec(output);
      if (code !== 0 || !peak) throw new Error(`the import of the ${gigabytes} GB roster failed (${code}):\n${output.slice(-2000)}`);
      return Number(peak[1]) / 1024;
    };
    const peakMb = database
      ? await measure(await emptied(database.driver), database.connection)
      : await withFreshNeo4j(memory, (driver, { connection }) => measure(driver, connection));
    console.log(
      `memory      ${(written.bytes / 1024 ** 3).toFixed(2)} GB roster, ${written.rows.toLocaleString('en')} rows: peak RSS ${peakMb.toFixed(0)} MB (target <= 300 MB); load average ${await loadAverage()}`,
    );
    return { bytes: (await stat(path)).size, peakMb, rows: written.rows };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { rows: { type: 'string', default: '100000' }, gigabytes: { type: 'string', default: '1' }, smoke: { type: 'boolean', default: false } },
  });
  const smoke = values.smoke;
  await benchMappedCsv(smoke ? 2_000 : Number(values.rows));
  await benchPeakMemory(smoke ? 0.002 : Number(values.gigabytes));
}
