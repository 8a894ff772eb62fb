// Mapped imports on the run's Neo4j: every example of tests/fixtures/import/mapped/ through the
// command line, the roster in GB18030, UTF-16 and XLSX to the same graph, a Latin-1 file refused
// naming its encoding, matches instead of duplicates, and undo taking back exactly one import.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { utimesSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseMapping } from '../../server/import/mapping/load-mapping.ts';
import { runMappedImport, type MappedImportResult } from '../../server/import/engine/mapped-import.ts';
import { undoImport } from '../../server/queries/import-history.ts';
import { readNodeIdKey } from '../../server/import/engine/node-id-key.ts';
import { protectedNodeId } from '../../server/import/mapping/stable-ids.ts';
import type { GraphExecutor } from '../../server/graph/executor.ts';
import { toJson } from '../../server/graph/to-json.ts';
import { type AnswerBody, testDriver, testExecutor } from '../support/neo4j.ts';

const dir = 'tests/fixtures/import/mapped';
const PREFIXES = ['test-facilities:', 'test-divisions:', 'test-organogram:', 'test-roster', 'test-sanctions:', 'test-mapped-'];

let driver: Driver;
let graph: GraphExecutor;
let scratch: string;
let idKey: string;

/** A protected person's id, as an import of `namespace` keyed on `values` gives it (stable-ids.ts). */
const personId = (namespace: string, ...values: string[]) => protectedNodeId(namespace, 'Person', values, idKey);

beforeAll(async () => {
  driver = testDriver();
  graph = await testExecutor(driver);
  scratch = await mkdtemp(join(tmpdir(), 'test-mapped-'));
  idKey = await readNodeIdKey(graph);
});
afterAll(async () => {
  await driver.executeQuery(
    `MATCH (node:Entity) WHERE any(prefix IN $prefixes WHERE node.id STARTS WITH prefix) OR (node:Document AND node.id STARTS WITH 'file:') DETACH DELETE node`,
    { prefixes: PREFIXES },
  );
  await driver.executeQuery(`MATCH (claim:_Claim) WHERE any(prefix IN $prefixes WHERE claim.elementId STARTS WITH prefix) DELETE claim`, {
    prefixes: PREFIXES,
  });
  await driver.close();
  await rm(scratch, { recursive: true, force: true });
});

function runCli(args: string[]) {
  const neo4jTest = inject('neo4j');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/import-cli.ts', ...args, '--as', 'test-mapped-who'], {
    env: { ...process.env, NEO4J_URI: neo4jTest.uri, NEO4J_USER: neo4jTest.user, NEO4J_PASSWORD: neo4jTest.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

async function mappingOf(name: string, change: (text: string) => string = (text) => text) {
  return parseMapping(name, change(await readFile(join(dir, name), 'utf8')));
}

async function engine(
  file: string,
  mappingFile: string,
  change?: (text: string) => string,
  options: { dryRun?: boolean; maxUncompressedBytes?: number } = {},
): Promise<MappedImportResult> {
  return runMappedImport(graph, { path: file, name: file, mapping: await mappingOf(mappingFile, change), who: 'test-mapped-who', ...options });
}

async function node(id: string) {
  const { records } = await driver.executeQuery('MATCH (node:Entity {id: $id}) RETURN labels(node) AS labels, properties(node) AS properties', { id });
  return records[0]
    ? { labels: (records[0].get('labels') as string[]).sort(), properties: toJson(records[0].get('properties')) as Record<string, AnswerBody> }
    : null;
}

async function links(type: string, sourceId: string) {
  const { records } = await driver.executeQuery(
    `MATCH (source:Entity {id: $sourceId})-[link]->(target) WHERE type(link) = $type RETURN target.id AS target, properties(link) AS properties`,
    {
      sourceId,
      type,
    },
  );
  return records.map((record) => ({ target: record.get('target') as string, properties: toJson(record.get('properties')) as Record<string, AnswerBody> }));
}

/** The audit log's actions on one import by one operator, oldest first. */
async function auditedBy(username: string, importId: string): Promise<string[]> {
  const { records } = await driver.executeQuery(
    'MATCH (entry:_Audit {username: $username}) WHERE $importId IN entry.targetIds RETURN entry.action AS action ORDER BY entry.at',
    { username, importId },
  );
  return records.map((record) => record.get('action') as string);
}

async function count(prefix: string): Promise<number> {
  const { records } = await driver.executeQuery('RETURN COUNT { MATCH (node:Entity) WHERE node.id STARTS WITH $prefix } AS n', { prefix });
  return Number(records[0]!.get('n'));
}

/** Writes `text` as `name` in the scratch folder and imports it on `mapping` (a dry run, or in batches of `batchSize`). */
async function importRoster(
  name: string,
  text: string,
  mapping: Awaited<ReturnType<typeof parseMapping>>,
  options: { dryRun?: boolean; batchSize?: number } = {},
) {
  const path = join(scratch, name);
  await writeFile(path, text);
  return runMappedImport(graph, { path, name, mapping, who: 'test-mapped-who', ...options });
}

/** A mapping of one person a row, keyed by the column `no`: the matching tests' rosters. */
function personMapping(namespace: string, properties: Record<string, string>) {
  const lines = Object.entries(properties).map(([field, source]) => `      ${field}: ${source}\n`);
  return parseMapping(
    `${namespace}.yaml`,
    `schemaVersion: 1\nname: ${namespace}\nnamespace: ${namespace}\nconfidence: reported\nentities:\n  person:\n    kind: Detainee\n    key: [no]\n    properties:\n${lines.join('')}      synthetic: { literal: true }\n`,
  );
}

describe('the example mappings', () => {
  // The browser test (tests/e2e/import.spec.ts) runs every example through the command line too;
  // here the roster goes through it (a process, its schema, its report), the others through the engine it calls.
  it('import the facility list, the divisions, the organogram, the GB18030 roster and the sanctions list', { timeout: 600_000 }, async () => {
    for (const [file, mapping] of [
      ['facilities.csv', 'facilities.yaml'],
      ['divisions.csv', 'divisions.yaml'],
      ['organogram.csv', 'organogram.yaml'],
    ]) {
      const result = await engine(join(dir, file!), mapping!);
      expect(result.status, `${file}: ${JSON.stringify(result.report.entries.slice(0, 3))}`).toBe('complete');
    }
    // The same file with the same mapping again: the import is recognised and nothing is written.
    const nodesBefore = await count('test-facilities:');
    const again = await engine(join(dir, 'facilities.csv'), 'facilities.yaml');
    expect(again.status).toBe('already-complete');
    expect(await count('test-facilities:')).toBe(nodesBefore);
    const run = await runCli([join(dir, 'roster-gb18030.csv'), '--mapping', join(dir, 'roster.yaml')]);
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain("Read 4 rows from tests/fixtures/import/mapped/roster-gb18030.csv (csv, gb18030); 4 rows kept by the mapping's filters.");
    expect(run.stdout).toContain('Dropped on purpose: 序号.');
    // The file's Document may exist already (the browser test imports the same bytes): created or merged.
    expect(run.stdout).toMatch(/Imported in .* s: [45] nodes? created, [01] nodes? merged into existing ones, 4 relationships created/);
    const importId = /Import (\S+) \(undo:/.exec(run.stdout)![1]!;
    expect(await auditedBy('command line: test-mapped-who', importId)).toEqual(['import']);
    expect((await engine(join(dir, 'sanctions.json'), 'sanctions.yaml')).status).toBe('complete');

    // Facilities: a value map, a template, a filter (F005 has no coordinates), kept and dropped columns.
    const f001 = await node('test-facilities:facility:F001');
    expect(f001!.properties).toMatchObject({
      name: 'Test Facility Dabancheng',
      facilityType: 'prison',
      typeDescription: 'tier 4 facility, opened 2017-05',
      latitude: 43.3612,
      capacity: 10000,
      prefecture: 'Ürümqi',
      raw_notes: 'Large walled compound',
      confidence: 'inferred',
      synthetic: true,
    });
    expect(f001!.properties).not.toHaveProperty('raw_source_url');
    expect(await node('test-facilities:facility:F005')).toBeNull();
    const [document] = f001!.properties.sources as string[];
    const cited = await node(document!);
    expect(cited!.properties).toMatchObject({ name: 'Test list of detention facilities', url: 'https://example.org/test-facility-list', date: '2020-09' });
    expect(cited!.properties.checksum).toMatch(/^[0-9a-f]{64}$/);

    // Divisions: parents by code; a name in characters only gets its pinyin.
    expect((await links('LOCATED_IN', 'test-divisions:place:653121')).map((link) => link.target)).toEqual(['test-divisions:place:653100']);
    expect(await links('LOCATED_IN', 'test-divisions:place:650000')).toEqual([]);
    expect((await node('test-divisions:place:653121'))!.properties.aliases).toEqual(['Shūfù Xiàn', 'Shufu Xian', 'Shufuxian']);

    // Organogram: posts reporting to posts, partial dates kept with their precision.
    expect((await links('REPORTS_TO', 'test-organogram:person:P10')).map((link) => link.target)).toEqual(['test-organogram:person:P09']);
    const [post] = await links('HELD_POST', 'test-organogram:person:P01');
    expect(post!.properties).toMatchObject({ title: 'Deputy director', head: false, from: '2016-03-01', fromPrecision: 'month' });

    // Roster: GB18030 read right, dates written 1990年1月1日, a link to the facility list's node.
    const detainee = await node(personId('test-roster', '650000199001011234'));
    expect(detainee!.labels).toEqual(['Detainee', 'Entity', 'Person']);
    expect(detainee!.properties).toMatchObject({ name: '测试阿不都', gender: 'male', birthDate: '1990-01-01', ethnicity: '维吾尔族', raw_备注: '测试记录' });
    expect(detainee!.properties).not.toHaveProperty('raw_序号');
    // Ids reach every reader, a viewer included: a detainee's says nothing of the ID number it was made
    // from (the official's above is readable), and the command line and the engine give the same one.
    const roster = await count('test-roster:person:');
    const { records: rosterIds } = await driver.executeQuery("MATCH (node:Detainee) WHERE node.id STARTS WITH 'test-roster:' RETURN node.id AS id");
    expect(rosterIds.map((record) => record.get('id') as string).filter((id) => /^test-roster:person:k[0-9a-f]{32}$/.test(id))).toHaveLength(roster);
    expect(roster).toBeGreaterThan(0);
    // The file's Document is named by a keyed hash of its SHA-256, not by it: a copy of the file tells no reader it is here.
    const [rosterDocument] = detainee!.properties.sources as string[];
    expect(rosterDocument).toMatch(/^file:k[0-9a-f]{32}$/);
    expect((await node(rosterDocument!))!.properties.checksum).toBe(
      createHash('sha256')
        .update(await readFile(join(dir, 'roster-gb18030.csv')))
        .digest('hex'),
    );
    const [detention] = await links('DETAINED_AT', personId('test-roster', '650000199001011234'));
    expect(detention).toMatchObject({ target: 'test-facilities:facility:F002', properties: { from: '2017-05-28' } });
    const [toMonth] = await links('DETAINED_AT', personId('test-roster', '65000019920215234X'));
    expect(toMonth!.properties).toMatchObject({ from: '2018-03-01', fromPrecision: 'month' });

    // Sanctions: day-first dates, a list split, a JSON array.
    const [designation] = await links('SANCTIONED_UNDER', await sanctionedId());
    expect(designation!.properties.from).toBe('2020-07-09');
    expect((await node(designation!.target))!.properties).toMatchObject({
      authority: 'Test Treasury',
      date: '2020-07-09',
      measures: 'asset freeze; travel ban',
    });
  });

  // One command-line process: a minute or more to start on a busy machine.
  it('prints every column of every type and names the link ends in --help', { timeout: 300_000 }, async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Facility         id* (stable id)');
    expect(run.stdout).toContain('source = id of the node the link starts at');
    expect(run.stdout).toContain('HELD_POST        source: Person -> target: Organization');
  });
});

async function sanctionedId(): Promise<string> {
  const { records } = await driver.executeQuery("MATCH (node:Official {name: 'Test Sanctioned Official One'}) RETURN node.id AS id");
  return records[0]!.get('id') as string;
}

describe('encodings and formats', () => {
  it('read the roster in UTF-16 (by its byte-order mark) and as an XLSX workbook to the same nodes as in GB18030', async () => {
    const before = await node(personId('test-roster', '65000019920215234X'));
    const utf16 = await engine(join(dir, 'roster-utf16.csv'), 'roster.yaml');
    expect(utf16.status).toBe('complete');
    expect(utf16.report.encoding).toBe('UTF-16LE (byte-order mark)');
    const xlsx = await engine(join(dir, 'roster.xlsx'), 'roster-xlsx.yaml');
    expect(xlsx.status, JSON.stringify(xlsx.report.entries)).toBe('complete');
    expect(xlsx.report.sheet).toBe('名单');
    for (const result of [utf16, xlsx]) expect(result.report.counts).toMatchObject({ nodesCreated: 1, nodesMerged: 4 });
    const after = await node(personId('test-roster', '65000019920215234X'));
    const strip = ({ sources, imports, ...rest }: Record<string, unknown>) => rest;
    expect(strip(after!.properties)).toEqual(strip(before!.properties));
    expect(after!.properties.sources).toHaveLength(3);
    await undoImport(graph, utf16.importId, 'test-mapped-who');
    await undoImport(graph, xlsx.importId, 'test-mapped-who');
    expect(await node(personId('test-roster', '65000019920215234X'))).toEqual(before);
  });

  it('refuses a Latin-1 file without a declared encoding, naming the line, the byte and the encoding', { timeout: 120_000 }, async () => {
    const mappingFile = join(scratch, 'places.yaml');
    await writeFile(
      mappingFile,
      'schemaVersion: 1\nnamespace: test-mapped-places\nentities:\n  place:\n    kind: Place\n    key: [name]\n    properties:\n      name: name\n      placeType: { literal: other }\nunmapped:\n  drop: [county]\n',
    );
    const run = await runCli([join(dir, 'places-latin1.csv'), '--mapping', mappingFile]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^Cannot import: tests\/fixtures\/import\/mapped\/places-latin1\.csv:2: not valid UTF-8 at byte 26 \(0xDC .*\); it looks like ISO-8859-1: declare it \(--encoding ISO-8859-1/,
    );
    const declared = await runMappedImport(graph, {
      path: join(dir, 'places-latin1.csv'),
      name: 'places-latin1.csv',
      mapping: parseMapping('places.yaml', `${await readFile(mappingFile, 'utf8')}source: { encoding: latin1 }\n`),
      who: 'test-mapped-who',
    });
    expect(declared.status).toBe('complete');
    expect((await node(await placeId()))!.properties.name).toBe('Test Place 1 Ürümqi Süd');
  });
});

async function placeId(): Promise<string> {
  const { records } = await driver.executeQuery("MATCH (node:Place {name: 'Test Place 1 Ürümqi Süd'}) RETURN node.id AS id");
  return records[0]!.get('id') as string;
}

describe('matching on the way in', () => {
  it('merges a roster whose people are already in the graph by their ID numbers, and lists same-named facilities as possible matches', async () => {
    const again = await engine(join(dir, 'roster-utf16.csv'), 'roster.yaml', (text) => text.replace('namespace: test-roster', 'namespace: test-roster-copy'));
    expect(again.status).toBe('complete');
    // Another file (the UTF-16 export), so another Document: the people merge and cite both.
    expect(again.report.counts).toMatchObject({ nodesCreated: 1, nodesMerged: 4 });
    expect(await count('test-roster-copy:person:')).toBe(0);
    expect(again.report.matches.filter((match) => match.verdict === 'same').map((match) => [match.incomingId, match.existingId, match.reasons])).toContainEqual(
      [personId('test-roster-copy', '650000199001011234'), personId('test-roster', '650000199001011234'), ['same ID number']],
    );
    const merged = await node(personId('test-roster', '650000199001011234'));
    expect(merged!.properties.sources).toHaveLength(2);

    const facilities = await engine(
      join(dir, 'facilities.csv'),
      'facilities.yaml',
      (text) => text.replace('namespace: test-facilities', 'namespace: test-mapped-facilities'),
      { dryRun: true },
    );
    expect(facilities.status).toBe('checked');
    const possible = facilities.report.matches.find((match) => match.incomingId === 'test-mapped-facilities:facility:F001')!;
    // The example list imported under another namespace (this file's, or the browser test's running beside it): the best-scored of equals.
    expect(possible).toMatchObject({ verdict: 'possible' });
    expect(possible.existingId).toMatch(/^test-[a-z0-9-]*facilities:facility:F001$/);
    expect(possible.reasons).toEqual(expect.arrayContaining(['same name, written the same in some script', 'same county']));
    expect(possible.score).toBeGreaterThan(0.5);

    // Undo (from the command line, audited there as in the browser) takes back the copy's sources
    // and leaves the first import's nodes as they were.
    const undone = await runCli(['--undo', again.importId]);
    expect(undone.code, undone.stderr).toBe(0);
    expect(await auditedBy('command line: test-mapped-who', again.importId)).toEqual(['import-undo']);
    expect((await node(personId('test-roster', '650000199001011234')))!.properties.sources).toHaveLength(1);
  });

  it('matches rows of one file about one person wherever they sit: in one batch, in the next, or batches apart', async () => {
    const mapping = personMapping('test-mapped-inline', { name: 'name', birthDate: '{ column: born, date: YYYY-MM-DD }', idNumber: '{ column: idcard }' });
    // Four elements a batch (the file's Document is the first): rows 1 to 3 share one, where row 2 is
    // row 1's namesake born the same day and row 3 carries row 1's ID number; row 5's ID number comes
    // back on row 9, in the next batch; row 4's namesake born the same day on row 12, two batches on
    // (still being written when row 12 is matched); row 1's namesake on row 24, five batches on.
    const filler = (from: number, count: number, born: string) =>
      Array.from({ length: count }, (_, i) => `${from + i},Test Inline Filler ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[from + i]},${born},`);
    const rows = [
      '1,Test Inline Tursunay,1970-05-05,650000197005050011',
      '2,Test Inline Tursunay,1970-05-05,',
      '3,Test Inline Tursunay Ali,1970-05-05,650000197005050011',
      '4,Test Inline Gulnar,1985-02-02,',
      '5,Test Inline Memet,1971-06-06,650000197106060022',
      ...filler(6, 3, '1980-01-01'),
      '9,Test Inline Memet Ali,1971-06-06,650000197106060022',
      ...filler(10, 2, '1990-01-01'),
      '12,Test Inline Gulnar,1985-02-02,',
      ...filler(13, 11, '1990-01-01'),
      '24,Test Inline Tursunay,1970-05-05,',
    ];
    const inline = (no: string) => personId('test-mapped-inline', no);
    const byId = new Map(rows.map((row) => row.split(',')[0]!).map((no) => [inline(no), no]));
    const verdicts = (result: MappedImportResult) => new Map(result.report.matches.map((match) => [byId.get(match.incomingId), match]));
    const run = (dryRun: boolean) => importRoster('inline.csv', `no,name,born,idcard\n${rows.join('\n')}\n`, mapping, { batchSize: 4, dryRun });

    const checked = verdicts(await run(true));
    expect(checked.get('2')).toMatchObject({ verdict: 'possible', existingId: inline('1') });
    expect(checked.get('3')).toMatchObject({ verdict: 'same', existingId: inline('1'), reasons: ['same ID number'] });
    expect(checked.get('9')).toMatchObject({ verdict: 'same', existingId: inline('5'), reasons: ['same ID number'] });
    expect(checked.get('12')).toMatchObject({ verdict: 'possible', existingId: inline('4') });
    // A dry run writes nothing for the graph to answer with: row 24 is five batches past its namesakes, out of sight.
    expect(checked.get('24')).toBeUndefined();

    const imported = await run(false);
    expect(imported.status).toBe('complete');
    const written = verdicts(imported);
    expect(written.get('2')).toMatchObject({ verdict: 'possible', existingId: inline('1') });
    expect(written.get('2')!.reasons).toEqual(expect.arrayContaining(['same birth date']));
    expect(written.get('3')).toMatchObject({ verdict: 'same', existingId: inline('1'), reasons: ['same ID number'] });
    expect(written.get('9')).toMatchObject({ verdict: 'same', existingId: inline('5'), reasons: ['same ID number'] });
    expect(written.get('12')).toMatchObject({ verdict: 'possible', existingId: inline('4') });
    expect(written.get('24')).toMatchObject({ verdict: 'possible' });
    expect([inline('1'), inline('2')]).toContain(written.get('24')!.existingId);
    // One node for each ID number; the possible matches stay apart, each listed, for review.
    expect(await node(inline('3'))).toBeNull();
    expect(await node(inline('9'))).toBeNull();
    expect(await count('test-mapped-inline:person:')).toBe(rows.length - 2);
    for (const number of ['650000197005050011', '650000197106060022']) {
      const { records } = await driver.executeQuery('RETURN COUNT { (person:Person {idNumber: $number}) } AS n', { number });
      expect(Number(records[0]!.get('n')), number).toBe(1);
    }
  });
});

describe('ID numbers in full-width digits', () => {
  it('are the same number: stored in ASCII digits, matched and keyed as such', async () => {
    const namespace = 'test-mapped-fullwidth';
    const result = await importRoster(
      'fullwidth.csv',
      'no,name,idcard\n1,Test Fullwidth Abla,650000198707070061\n2,Test Fullwidth Abla,６５００００１９８７０７０７００６１\n',
      await personMapping(namespace, { name: 'name', idNumber: 'idcard' }),
    );
    expect(result.status, JSON.stringify(result.report.entries)).toBe('complete');
    const { records } = await driver.executeQuery('MATCH (n:Person) WHERE n.id STARTS WITH $prefix RETURN n.idNumber AS idNumber', { prefix: `${namespace}:` });
    expect(records.map((record) => record.get('idNumber'))).toEqual(['650000198707070061']);
    await undoImport(graph, result.importId, 'test-mapped-who');
  });
});

describe('two rows about one person', () => {
  it('fill what each leaves missing on the node the graph holds, and undo takes back what both added', async () => {
    const mapping = (namespace: string) => personMapping(namespace, { name: 'name', idNumber: 'idcard', address: 'address', ethnicity: 'ethnicity' });
    const header = 'no,name,idcard,address,ethnicity\n';
    const first = await importRoster('twice-graph.csv', `${header}1,Test Twice Ayshem,650000197503030033,,\n`, mapping('test-mapped-twice-graph'));
    expect(first.status).toBe('complete');
    const id = personId('test-mapped-twice-graph', '1');
    // Both rows in one batch, each merged into the graph's node by the ID number, each adding a value.
    // Row b agrees with the address row a filled in: the claim says so, so that undoing another import that filled it leaves it.
    const rows = 'a,Test Twice Ayshem,650000197503030033,Test Street 1,\nb,Test Twice Ayshem,650000197503030033,Test Street 1,Uyghur\n';
    const second = await importRoster('twice.csv', `${header}${rows}`, mapping('test-mapped-twice'));
    expect(second.status).toBe('complete');
    expect(second.report.matches.filter((match) => match.verdict === 'same').map((match) => match.existingId)).toEqual([id, id]);
    expect(await count('test-mapped-twice:')).toBe(0);
    const merged = (await node(id))!.properties;
    expect(merged).toMatchObject({ address: 'Test Street 1', ethnicity: 'Uyghur' });
    expect(merged.sources).toHaveLength(2);
    const { records } = await driver.executeQuery(
      'MATCH (claim:_Claim {elementId: $id, importId: $importId}) RETURN claim.filled AS filled, claim.agreed AS agreed',
      {
        id,
        importId: second.importId,
      },
    );
    expect(records).toHaveLength(1);
    expect([...(records[0]!.get('filled') as string[])].sort()).toEqual(['address', 'ethnicity']);
    expect(records[0]!.get('agreed') as string[]).toContain('address');

    await undoImport(graph, second.importId, 'test-mapped-who');
    const undone = (await node(id))!.properties;
    expect(undone.address ?? null).toBeNull();
    expect(undone.ethnicity ?? null).toBeNull();
    expect(undone.sources).toHaveLength(1);
  });
});

describe('two rows about one person, each linking to one facility', () => {
  /** Persons keyed by `no`, matched by ID number, each DETAINED_AT the facility of its `camp` column from its `entered` date. */
  const mapping = (namespace: string) =>
    parseMapping(
      `${namespace}.yaml`,
      [
        'schemaVersion: 1',
        `name: ${namespace}`,
        `namespace: ${namespace}`,
        'confidence: reported',
        'entities:',
        '  person: { kind: Detainee, key: [no], properties: { name: name, idNumber: idcard, synthetic: { literal: true } } }',
        '  facility: { kind: Facility, key: [camp], properties: { name: camp, facilityType: { literal: other }, synthetic: { literal: true } } }',
        'links:',
        '  - { type: DETAINED_AT, from: person, to: facility, properties: { from: entered, synthetic: { literal: true } } }',
        '',
      ].join('\n'),
    );
  // Each test its own ID number: a test that fails before its undo leaves its person, whom the next would match.
  // Rows b and e complete row a's link to camp one; row d is another stay there, which row f repeats.
  const rows = (idNumber: string) =>
    [
      'no,name,idcard,camp,entered',
      ...[
        ['a', 'TestCampOne', ''],
        ['b', 'TestCampOne', '2018-03-01'],
        ['c', 'TestCampTwo', '2019-01-01'],
        ['d', 'TestCampOne', '2020-05-05'],
        ['e', 'TestCampOne', '2018-03-01'],
        ['f', 'TestCampOne', '2020-05-05'],
      ].map(([no, camp, entered]) => `${no},Test Linked Twice,${idNumber},${camp},${entered}`),
      '',
    ].join('\n');

  // Batches of 3 elements put each row (two nodes and a link) in a batch of its own; 5,000 puts all in one.
  for (const batchSize of [5_000, 3]) {
    it(`make one link of a type to a facility for each stay, which later rows complete, and undo takes them back (${batchSize} elements a batch)`, async () => {
      const namespace = `test-mapped-linked-${batchSize}`;
      const result = await importRoster(`${namespace}.csv`, rows(`65000019750404${String(batchSize).padStart(4, '0')}`), await mapping(namespace), {
        batchSize,
      });
      expect(result.status, JSON.stringify(result.report.entries.slice(0, 3))).toBe('complete');
      const person = personId(namespace, 'a');
      expect(await node(personId(namespace, 'b'))).toBeNull();
      const detained = (await links('DETAINED_AT', person)).sort((x, y) => x.target.localeCompare(y.target));
      expect(detained.map((link) => [link.target, link.properties.from]).sort()).toEqual([
        [`${namespace}:facility:TestCampOne`, '2018-03-01'],
        [`${namespace}:facility:TestCampOne`, '2020-05-05'],
        [`${namespace}:facility:TestCampTwo`, '2019-01-01'],
      ]);
      await undoImport(graph, result.importId, 'test-mapped-who');
      expect(await count(`${namespace}:`)).toBe(0);
    });
  }
});

describe('a later file about people the graph holds', () => {
  const mapping = (namespace: string) =>
    parseMapping(
      `${namespace}.yaml`,
      [
        'schemaVersion: 1',
        `name: ${namespace}`,
        `namespace: ${namespace}`,
        'confidence: reported',
        'entities:',
        '  person: { kind: Detainee, key: [no], properties: { name: name, idNumber: idcard, address: address, synthetic: { literal: true } } }',
        '  facility: { kind: Facility, key: [camp], properties: { name: camp, facilityType: { literal: other }, synthetic: { literal: true } } }',
        'links:',
        '  - { type: DETAINED_AT, from: person, to: facility, properties: { from: { column: entered, date: [YYYY-MM-DD, YYYY-MM] }, synthetic: { literal: true } } }',
        '',
      ].join('\n'),
    );
  const header = 'no,name,idcard,address,camp,entered\n';

  it('makes another stay a link of its own, and says which of its values the graph keeps instead', async () => {
    const namespace = 'test-mapped-later';
    const first = await importRoster(
      'later-2017.csv',
      `${header}1,Test Later Aygul,650000198505050055,Test Street 1,TestCampLater,2017-05-28\n`,
      await mapping(namespace),
    );
    expect(first.status).toBe('complete');
    // The roster of 2019: the same person (same key), another name and address, held there again.
    const later = await importRoster(
      'later-2019.csv',
      `${header}1,Test Later Aygul Ali,650000198505050055,Test Street 9,TestCampLater,2019-09-09\n`,
      await mapping(namespace),
    );
    expect(later.status).toBe('complete');
    const person = personId(namespace, '1');
    const stays = async () => (await links('DETAINED_AT', person)).map((link) => link.properties.from).sort();
    expect(await stays()).toEqual(['2017-05-28', '2019-09-09']);
    expect((await node(person))!.properties).toMatchObject({ name: 'Test Later Aygul', address: 'Test Street 1' });
    expect(later.report.entries.map((entry) => `${entry.line} ${entry.severity} ${entry.field}: ${entry.reason}`)).toEqual([
      '2 warning name: "Test Later Aygul Ali" differs from "Test Later Aygul" on the node this row merges into (same id): that node keeps "Test Later Aygul", and "Test Later Aygul Ali" is not stored as its name, though search finds the node by it',
      '2 warning address: "Test Street 9" differs from "Test Street 1" on the node this row merges into (same id): that node keeps "Test Street 1", and "Test Street 9" is not stored',
    ]);
    // A dry run of the same file says so before anything is written.
    const dry = await importRoster(
      'later-2019-dry.csv',
      `${header}1,Test Later Aygul Ali,650000198505050055,Test Street 1,TestCampLater,2019-09-09\n`,
      await mapping(namespace),
      {
        dryRun: true,
      },
    );
    expect(dry.report.entries.map((entry) => entry.field)).toEqual(['name']);
    // A file that gives the first stay's start to the month only is that stay, not another.
    const month = await importRoster(
      'later-2017-month.csv',
      `${header}1,Test Later Aygul,650000198505050055,,TestCampLater,2017-05\n`,
      await mapping(namespace),
    );
    expect(month.status, JSON.stringify(month.report.entries)).toBe('complete');
    expect(await stays()).toEqual(['2017-05-28', '2019-09-09']);
    await undoImport(graph, month.importId, 'test-mapped-who');
    // Undoing the first file leaves the later stay; the later file imported again (in other batches,
    // so as another import) finds that stay rather than making it a second time under the first's id.
    await undoImport(graph, first.importId, 'test-mapped-who');
    expect(await stays()).toEqual(['2019-09-09']);
    const again = await importRoster(
      'later-2019-again.csv',
      `${header}1,Test Later Aygul Ali,650000198505050055,Test Street 9,TestCampLater,2019-09-09\n`,
      await mapping(namespace),
      { batchSize: 3 },
    );
    expect(again.status, JSON.stringify(again.report.entries)).toBe('complete');
    expect(await stays()).toEqual(['2019-09-09']);
    // Undoing each takes back what it alone asserted.
    await undoImport(graph, again.importId, 'test-mapped-who');
    expect(await stays()).toEqual(['2019-09-09']);
    await undoImport(graph, later.importId, 'test-mapped-who');
    expect(await node(person)).toBeNull();
  });
});

describe('linking to the official gazetteer', () => {
  it("links a facility named by its county's Uyghur-based name, its pinyin or its code to the official county, and reports a name two counties share", async () => {
    const file = join(scratch, 'gazetteer-facilities.csv');
    await writeFile(
      file,
      [
        'facility_id;name;name_zh;tier;lat;lon;county;prefecture;capacity;opened;notes;source_url',
        'G1;Test Facility Konasheher;;3;39.4;75.8;Konasheher;Kashgar;;2018;;',
        'G2;Test Facility Shufu Xian;;3;39.4;75.8;Shūfù Xiàn;;;2018;;',
        'G3;Test Facility by code;;3;39.4;75.8;653121;;;2018;;',
        'G4;Test Facility Yining;;2;43.9;81.2;Yining;Ili;;2017;;',
      ].join('\n'),
    );
    const result = await engine(file, 'facilities.yaml', (text) => text.replace('namespace: test-facilities', 'namespace: test-mapped-gazetteer'));
    expect(result.status, JSON.stringify(result.report.entries.slice(0, 3))).toBe('complete');
    for (const id of ['G1', 'G2', 'G3']) {
      const [located, ...more] = await links('LOCATED_IN', `test-mapped-gazetteer:facility:${id}`);
      expect(more, id).toEqual([]);
      expect(located!.target, id).toBe('place:gb2260:653121');
      // The link is the file's claim, cited and as confident as the file's rows.
      expect(located!.properties).toMatchObject({ confidence: 'inferred', synthetic: true });
      expect(located!.properties.sources).toEqual((await node(`test-mapped-gazetteer:facility:${id}`))!.properties.sources);
    }
    // 伊宁市 and 伊宁县 are both Yīníng: not linked silently, the report names the row and both.
    expect(await links('LOCATED_IN', 'test-mapped-gazetteer:facility:G4')).toEqual([]);
    expect(result.report.entries).toContainEqual(
      expect.objectContaining({
        line: 5,
        field: 'county',
        severity: 'warning',
        reason: '"Yining" names several places of the gazetteer (place:gb2260:654002, place:gb2260:654021): not linked, pick one',
      }),
    );
  });
});

describe('bad input', () => {
  it('takes back an import whose file changed on disk while it was being written, and says so', async () => {
    const path = join(scratch, 'facilities-changing.csv');
    await copyFile(join(dir, 'facilities.csv'), path);
    let touched = false;
    const result = await runMappedImport(graph, {
      path,
      name: 'facilities-changing.csv',
      mapping: await mappingOf('facilities.yaml', (text) => text.replace('namespace: test-facilities', 'namespace: test-mapped-changing')),
      who: 'test-mapped-who',
      // Another program saves the file while its rows are being written.
      onProgress: ({ state }) => {
        if (state !== 'writing' || touched) return;
        touched = true;
        utimesSync(path, new Date(), new Date(Date.now() + 60_000));
      },
    });
    expect(touched).toBe(true);
    expect(result.status).toBe('refused');
    const errors = result.report.entries.filter((entry) => entry.severity === 'error');
    expect(errors.map((entry) => `${entry.line} ${entry.field}: ${entry.reason}`)).toEqual([
      '0 (file): changed on disk while it was being written (what it wrote is taken back): import it again',
    ]);
    expect(await count('test-mapped-changing:')).toBe(0);
  });

  it('finds the namesake born the same day among more namesakes than a name is compared with', async () => {
    // A name borne by twelve people in the graph; the one born on 1980-03-03 was written last.
    const mapping = (namespace: string) => personMapping(namespace, { name: 'name', birthDate: '{ column: born, date: YYYY-MM-DD }' });
    const born = Array.from({ length: 12 }, (_, i) => (i === 11 ? '1980-03-03' : `19${50 + i}-01-0${(i % 9) + 1}`));
    const rows = born.map((date, i) => `${i},Test Namesake Abdukerim,${date}`);
    const first = await importRoster('namesakes-graph.csv', `no,name,born\n${rows.join('\n')}\n`, mapping('test-mapped-namesakes'));
    expect(first.status).toBe('complete');
    const dry = await importRoster('namesakes-row.csv', 'no,name,born\nX,Test Namesake Abdukerim,1980-03-03\n', mapping('test-mapped-namesakes-again'), {
      dryRun: true,
    });
    const match = dry.report.matches.find((found) => found.incomingId === personId('test-mapped-namesakes-again', 'X'));
    expect(match).toMatchObject({ verdict: 'possible', existingId: personId('test-mapped-namesakes', '11') });
    expect(match!.reasons).toEqual(expect.arrayContaining(['same birth date']));
  });

  it('names a link to nowhere on its line in an organogram whose thousands of links point to rows further down', { timeout: 300_000 }, async () => {
    // Each post reports to the next row's: the graph answers for none of them while the file is read,
    // so the check keeps the first few thousand in full and, past them, only where they are.
    const rows = 5_010;
    const deep = join(scratch, 'deep-organogram.csv');
    const lines = Array.from(
      { length: rows },
      (_, i) => `Q${i},Test Deep ${i},,Officer,${i === rows - 1 ? 'Q-missing' : `Q${i + 1}`},Test Organogram Central Bureau,central,2016`,
    );
    await writeFile(deep, `post,holder,holder_zh,title,reports_to,organisation,org_level,since\n${lines.join('\n')}\n`);
    const result = await engine(deep, 'organogram.yaml', undefined, { dryRun: true });
    expect(result.status).toBe('refused');
    expect(result.report.entries.map((entry) => `${entry.line} ${entry.field}: ${entry.reason}`)).toEqual([
      `${rows + 1} entities.superior: "test-organogram:person:Q-missing" is neither in the file nor in the graph`,
    ]);
    expect(result.report.entriesLeftOut).toBe(0);
  });

  it("refuses a detainee's id taken from a column, which would show the ID number to every reader", async () => {
    const result = await engine(join(dir, 'roster-gb18030.csv'), 'roster.yaml', (text) =>
      text.replace('    key: [身份证号]\n    properties:\n      name: 姓名', '    id: 身份证号\n    properties:\n      name: 姓名'),
    );
    expect(result.status).toBe('refused');
    expect(result.report.entries.map((entry) => `${entry.field}: ${entry.reason}`)).toContainEqual(
      "entities.detainee.id: a Detainee's id reaches every reader, a viewer included, so it may not be a column's value: give key: [身份证号] instead, and the id is made so that it cannot be read back",
    );
  });

  it('gives an official keyed on an ID number an id that says nothing of it, as a detainee', async () => {
    const mapping = parseMapping(
      'test-mapped-official-id.yaml',
      'schemaVersion: 1\nname: test-mapped-official-id\nnamespace: test-mapped-official-id\nconfidence: reported\nentities:\n  official: { kind: Official, key: [idcard], properties: { name: name, idNumber: idcard, synthetic: { literal: true } } }\n',
    );
    const result = await importRoster('official-id.csv', 'name,idcard\nTest Official Keyed,650000197001010043\n', await mapping);
    expect(result.status, JSON.stringify(result.report.entries)).toBe('complete');
    const { records } = await driver.executeQuery("MATCH (n:Official) WHERE n.id STARTS WITH 'test-mapped-official-id:' RETURN n.id AS id");
    expect(records.map((record) => record.get('id'))).toEqual([personId('test-mapped-official-id', '650000197001010043')]);
  });

  it('names a row whose person has no key, refuses a placeholder key and an ID number a spreadsheet rounded', async () => {
    const keyedOnIdNumber = (namespace: string, extra = '') =>
      parseMapping(
        `${namespace}.yaml`,
        `schemaVersion: 1\nname: ${namespace}\nnamespace: ${namespace}\nconfidence: reported\n${extra}entities:\n  person:\n    kind: Detainee\n    key: [idcard]\n    properties: { name: name, idNumber: idcard, synthetic: { literal: true } }\nunmapped: { drop: [no] }\n`,
      );
    const rows = [
      'no,name,idcard',
      '1,Test Keyless One,650000198001010011',
      '2,Test Keyless Two,',
      '3,Test Keyless Three,不详',
      '4,Test Keyless Four,6.50000198001011E+17',
      '5,,',
    ];
    const entries = (result: MappedImportResult) => result.report.entries.map((entry) => `${entry.line} ${entry.severity} ${entry.field}: ${entry.reason}`);
    const empty =
      '3 warning idcard (entities.person.key): key column "idcard" is empty, so this row\'s Detainee (name Test Keyless Two) is not imported, nor its links: to import such rows, key the entity on columns every row fills; to leave them out without this warning, filter them ({ column: idcard, present: true })';
    const refused = await importRoster('keyless.csv', `${rows.join('\n')}\n`, await keyedOnIdNumber('test-mapped-keyless'));
    expect(refused.status).toBe('refused');
    expect(entries(refused)).toEqual([
      empty,
      '4 error idcard (entities.person.key): key column "idcard" holds "不详", a placeholder for no ID number, so this row\'s Detainee (name Test Keyless Three) cannot be told from others without one: key the entity on columns every row fills, or leave such rows out on purpose with a filter ({ column: idcard, present: true })',
      '5 error idcard (entities.person): "6.50000198001011E+17" is a number the spreadsheet rounded to 15 digits, so its last digits are lost (two people may now share it): the column must hold these numbers as text',
    ]);
    expect(await count('test-mapped-keyless:')).toBe(0);
    // A workbook's number cell (here a JSON number, as the XLSX reader gives it) is refused alike.
    const json = await importRoster(
      'keyless.json',
      JSON.stringify([{ no: 1, name: 'Test Keyless Number', idcard: 650000198001011200 }]),
      await keyedOnIdNumber('test-mapped-keyless-json'),
    );
    expect(json.report.entries.map((entry) => entry.reason)).toEqual([expect.stringMatching(/^"650000198001011200" is a number the spreadsheet rounded/)]);
    // A row with no number is the file's own gap: the rest imports, and the report names the row.
    const gap = await importRoster('keyless-gap.csv', `${rows.slice(0, 3).join('\n')}\n`, await keyedOnIdNumber('test-mapped-keyless-gap'));
    expect(gap.status).toBe('complete');
    expect(entries(gap)).toEqual([empty]);
    expect(await count('test-mapped-keyless-gap:')).toBe(1);
    // Left out on purpose, the same rows import without a word.
    const filtered = await importRoster(
      'keyless-filtered.csv',
      // Another person's number: the gap's person would take this row in by the same ID number.
      `${rows.slice(0, 3).join('\n').replace('650000198001010011', '650000198001010029')}\n`,
      await keyedOnIdNumber('test-mapped-keyless-filtered', 'filters: [{ column: idcard, present: true }]\n'),
    );
    expect(filtered.status).toBe('complete');
    expect(entries(filtered)).toEqual([]);
    expect(await count('test-mapped-keyless-filtered:')).toBe(1);
  });

  it("names a row that gives a link's date but leaves its facility empty, as a merged cell does, and says a required value is empty", async () => {
    const mapping = parseMapping(
      'test-mapped-merged-cell.yaml',
      [
        'schemaVersion: 1',
        'name: test-mapped-merged-cell',
        'namespace: test-mapped-merged-cell',
        'confidence: reported',
        'entities:',
        '  person: { kind: Detainee, key: [no], properties: { name: name, synthetic: { literal: true } } }',
        '  facility: { kind: Facility, key: [camp], properties: { name: camp, facilityType: { literal: other }, synthetic: { literal: true } } }',
        'links:',
        '  - { type: DETAINED_AT, from: person, to: facility, properties: { from: entered, synthetic: { literal: true } } }',
        '',
      ].join('\n'),
    );
    // The camp is written once, in the first row of the cell merged over three, as a workbook exports it.
    const text =
      'no,name,camp,entered\n1,Test Merged One,TestCampMerged,2017-01-01\n2,Test Merged Two,,2017-02-02\n3,,TestCampMerged,2017-03-03\n4,Test Merged Four,,\n';
    const result = await importRoster('merged-cell.csv', text, await mapping);
    expect(result.status).toBe('refused');
    expect(result.report.entries.map((entry) => `${entry.line} ${entry.field}: ${entry.reason}`)).toEqual([
      '3 camp (links.0): this row gives the DETAINED_AT\'s entered (2017-02-02) but no facility: "camp" is empty (a merged cell holds its value in its first row only), so the link is not made and entered is not stored: fill the column in every row to make it',
      '4 name (entities.person.name): is required but empty in this row',
    ]);
    expect(await count('test-mapped-merged-cell:')).toBe(0);
  });

  it('refuses a post that reports to itself', async () => {
    const loop = join(scratch, 'loop-organogram.csv');
    await writeFile(
      loop,
      'post,holder,holder_zh,title,reports_to,organisation,org_level,since\nL0,Test Loop Director,,Director,,Test Loop Bureau,central,2016\nL1,Test Loop Officer,,Officer,L1,Test Loop Bureau,central,2016\n',
    );
    const result = await engine(loop, 'organogram.yaml', undefined, { dryRun: true });
    expect(result.report.entries.map((entry) => `${entry.line} ${entry.field}: ${entry.reason}`)).toEqual([
      "3 reports_to (links.0): this row's REPORTS_TO goes from official to itself",
    ]);
  });

  it('names the row a link points to when that row was refused, instead of calling it a link to nowhere', async () => {
    const refused = join(scratch, 'refused-organogram.csv');
    await writeFile(
      refused,
      'post,holder,holder_zh,title,reports_to,organisation,org_level,since\nR0,Test Refused Director,,Director,,Test Refused Bureau,central,2016\nR1,,,Officer,R0,Test Refused Bureau,central,2016\nR2,Test Refused Two,,Officer,R1,Test Refused Bureau,central,2016\n',
    );
    const result = await engine(refused, 'organogram.yaml', undefined, { dryRun: true });
    expect(result.report.entries.map((entry) => `${entry.line} ${entry.field}: ${entry.reason}`)).toEqual([
      '3 holder (entities.official.name): is required but empty in this row',
      '4 entities.superior: "test-organogram:person:R1" is made on line 3, whose row has problems of its own (see there)',
    ]);
  });

  it('names the file, the line or cell, the field and the reason, and writes nothing', async () => {
    const bad = join(scratch, 'bad-roster.csv');
    await writeFile(
      bad,
      '序号,姓名,身份证号,性别,出生日期,民族,住址,关押场所,入所日期,备注\n1,测试甲,650000199901010011,男,1999年13月1日,维吾尔族,,F001,2017年5月28日,\n2,测试乙,650000199901010022,女,1999年1月1日,维吾尔族,,F999,2017年5月28日,\n3,测试丙,650000199901010022,女,1999年1月2日,维吾尔族,,F001,2017年5月28日,\n',
    );
    const before = await count('test-roster:');
    const result = await engine(bad, 'roster.yaml', (text) => text.replace('source:\n  encoding: gb18030\n', ''));
    expect(result.status).toBe('refused');
    const lines = result.report.entries.map((entry) => `${entry.line} ${entry.field}: ${entry.reason}`);
    expect(lines).toEqual([
      '2 出生日期 (entities.detainee.birthDate): "1999年13月1日" is not a date in "YYYY年M月D日" or "YYYY-MM-DD"',
      '3 entities.facility: "test-facilities:facility:F999" is neither in the file nor in the graph',
      // A detainee's id says nothing of its key, so the report names the key.
      '4 entities.detainee: key collision: "身份证号 650000199901010022" is also made by line 3, with other values',
    ]);
    expect(await count('test-roster:')).toBe(before);

    const missing = await engine(join(dir, 'facilities.csv'), 'facilities.yaml', (text) => text.replace('latitude: lat', 'latitude: latitude'));
    expect(missing.status).toBe('refused');
    expect(missing.report.entries[0]).toMatchObject({
      line: 0,
      field: 'entities.facility.properties.latitude',
      reason: expect.stringMatching(/^names column "latitude", which the file lacks/),
    });
  });

  it('reads a ;-delimited list above a footer line, and says to set source.delimiter when its header reads as one column', async () => {
    // A total below the table, as exports add: before, it kept the semicolon from being sniffed, and
    // the file was refused as one column.
    const footer = join(scratch, 'footer-facilities.csv');
    await writeFile(footer, `${await readFile(join(dir, 'facilities.csv'), 'utf8')}合计：4所\n`);
    const namespace = (text: string) => text.replace('namespace: test-facilities', 'namespace: test-mapped-footer');
    const read = await engine(footer, 'facilities.yaml', namespace, { dryRun: true });
    expect(read.status).toBe('checked');
    expect(read.report.entries.filter((entry) => entry.severity === 'error')).toEqual([]);

    // A mapping that says comma (saved from another file) reads the header as one column.
    const comma = await engine(footer, 'facilities.yaml', (text) => namespace(text).replace('  format: csv\n', '  format: csv\n  delimiter: ","\n'));
    expect(comma.status).toBe('refused');
    expect(comma.report.entries[0]).toMatchObject({
      line: 0,
      field: 'entities.facility.key',
      reason: expect.stringMatching(
        /^names column "facility_id", which the file lacks \(its columns: facility_id;name;.*;source_url\); the header read as one column with a comma \(","\), and it holds a semicolon \(";"\): if that splits the file's columns, set source\.delimiter: ";" in the mapping$/,
      ),
    });
  });

  it('refuses a corrupt workbook and one that inflates past the cap', async () => {
    const corrupt = join(scratch, 'corrupt.xlsx');
    await writeFile(corrupt, (await readFile(join(dir, 'roster.xlsx'))).subarray(0, 3000));
    await expect(engine(corrupt, 'roster-xlsx.yaml')).rejects.toThrow(/corrupt\.xlsx: not an XLSX workbook/);
    await expect(engine(join(dir, 'roster.xlsx'), 'roster-xlsx.yaml', undefined, { maxUncompressedBytes: 10_000 })).rejects.toThrow(
      /roster\.xlsx: the workbook inflates to more than 10,000 bytes: save the sheet as CSV, or raise IMPORT_XLSX_MAX_MB/,
    );
  });
});
