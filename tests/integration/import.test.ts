// The importer on the run's Neo4j: every kind and type written and linked to its import, the exact
// report, nothing written on a bad row, --skip-invalid, re-import as a no-op, and a crash mid-import
// (the CLI killed outright) resumed to the same graph as one clean run. Every id starts `test-import-`.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCatalogue, type Catalogue } from '../../server/graph/catalogue.ts';
import { importIdOf, importRows, readImport, type ImportOptions, type ImportResult } from '../../server/import/import-file.ts';
import { toJson } from '../../server/graph/to-json.ts';
import { GraphExecutor } from '../../server/graph/executor.ts';
import { RelationshipType } from '../../contract/model.ts';
import { queries } from '../../contract/queries/index.ts';
import { brokenNode, brokenRelationship, sampleBundle, type Bundle } from '../fixtures/import/samples.ts';
import { testDriver } from '../support/neo4j.ts';

const PREFIX = 'test-import-';
const fixture = (name: string) => `tests/fixtures/import/${name}`;

let driver: Driver;
let catalogue: Catalogue;
let scratch: string;
/** Import records this file made, removed after each test with the elements they wrote. */
const importIds = new Set<string>();

beforeAll(async () => {
  driver = testDriver();
  catalogue = await loadCatalogue();
  scratch = await mkdtemp(join(tmpdir(), 'test-import-'));
});
afterEach(async () => {
  await driver.executeQuery('MATCH (node:Entity) WHERE node.id STARTS WITH $prefix DETACH DELETE node', { prefix: PREFIX });
  await driver.executeQuery('MATCH (record:_Import) WHERE record.id IN $ids DELETE record', { ids: [...importIds] });
  importIds.clear();
});
afterAll(async () => {
  await driver.close();
  await rm(scratch, { recursive: true, force: true });
});

const WHO = 'test-import-who';

async function runImportOf(file: string, options: Partial<ImportOptions> = {}): Promise<ImportResult & { lines: string[] }> {
  const full: ImportOptions = { file, skipInvalid: false, who: WHO, batchSize: 5_000, ...options };
  const lines: string[] = [];
  const result = await importRows(new GraphExecutor(driver, catalogue, { timeoutMs: 60_000 }), await readImport(full), full, (line) => lines.push(line));
  importIds.add(result.importId);
  return { ...result, lines };
}

async function writeBundle(name: string, bundle: Bundle): Promise<string> {
  const file = join(scratch, name);
  await writeFile(file, JSON.stringify(bundle, null, 2));
  return file;
}

async function counts(prefix = PREFIX) {
  const { records } = await driver.executeQuery(
    `RETURN COUNT { MATCH (node:Entity) WHERE node.id STARTS WITH $prefix } AS nodes,
            COUNT { MATCH ()-[link]->() WHERE link.id STARTS WITH $prefix } AS relationships,
            COUNT { MATCH (record:_Import {importedBy: $who}) } AS imports`,
    // This file's imports only: other files import into the same database at the same time.
    { prefix, who: WHO },
  );
  return toJson(records[0]!.toObject()) as { nodes: number; relationships: number; imports: number };
}

/** The imported elements as plain JSON, sorted by id; without `imports` to compare two imports' graphs. */
async function snapshot(prefix: string, { withImports = true } = {}) {
  const strip = (properties: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(toJson(properties) as Record<string, unknown>).filter(([key]) => withImports || key !== 'imports'));
  const nodes = await driver.executeQuery(
    'MATCH (node:Entity) WHERE node.id STARTS WITH $prefix RETURN node.id AS id, labels(node) AS labels, properties(node) AS properties ORDER BY id',
    { prefix },
  );
  const links = await driver.executeQuery(
    `MATCH (source)-[link]->(target) WHERE link.id STARTS WITH $prefix
     RETURN link.id AS id, type(link) AS type, source.id AS source, target.id AS target, properties(link) AS properties ORDER BY id`,
    { prefix },
  );
  return {
    nodes: nodes.records.map((record) => ({
      id: record.get('id') as string,
      labels: [...record.get('labels')].sort(),
      properties: strip(record.get('properties')),
    })),
    relationships: links.records.map((record) => ({
      id: record.get('id') as string,
      type: record.get('type') as string,
      source: record.get('source') as string,
      target: record.get('target') as string,
      properties: strip(record.get('properties')),
    })),
  };
}

async function importRecord(importId: string) {
  const { records } = await driver.executeQuery('MATCH (record:_Import {id: $importId}) RETURN properties(record) AS record', { importId });
  return records[0] ? (toJson(records[0].get('record')) as Record<string, unknown>) : null;
}

describe('importing good rows', () => {
  it('writes one row of every node kind, role and relationship type, each linked to its import record', async () => {
    const bundle = sampleBundle('test-import-every');
    const file = await writeBundle('every.json', bundle);
    const result = await runImportOf(file);
    expect(result.status).toBe('complete');
    expect(result.lines).toContain('batch 1/2 committed');
    expect(result.lines).toContain('batch 2/2 committed');

    const graph = await snapshot('test-import-every');
    expect(graph.nodes.map((node) => [node.id, node.labels])).toEqual(
      bundle.nodes.map((node) => [node.id, ['Entity', ...node.labels].sort()]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(graph.relationships.map((link) => link.type).sort()).toEqual(bundle.relationships.map((link) => link.type).sort());
    for (const element of [...graph.nodes, ...graph.relationships]) expect(element.properties.imports, String(element.id)).toEqual([result.importId]);
    // What undo reads finds each of them through the imports indexes (schema.cypher): a relationship
    // index names its types, so a type the model has and linkImports lacks would leave its links behind.
    expect(new Set(graph.relationships.map((link) => link.type))).toEqual(new Set(RelationshipType.options));
    const reader = new GraphExecutor(driver, catalogue, { timeoutMs: 60_000 });
    const asserted = { importId: result.importId, limit: 1_000 };
    expect((await reader.records(queries.importNodes, asserted)).map((node) => node.id).sort()).toEqual(graph.nodes.map((node) => node.id));
    expect((await reader.records(queries.importRelationships, asserted)).map((link) => link.id).sort()).toEqual(graph.relationships.map((link) => link.id));

    const facility = graph.nodes.find((node) => node.id === 'test-import-every-facility')!;
    expect(facility.properties).toMatchObject({ facilityType: 'camp', capacity: 3000, latitude: 43.25, confidence: 'inferred', synthetic: false });
    expect(facility.properties.nameKeys).toEqual(expect.arrayContaining([expect.any(String)]));
    const post = graph.relationships.find((link) => link.type === 'HELD_POST')!;
    expect(post).toMatchObject({ source: 'test-import-every-official', target: 'test-import-every-org' });
    expect(post.properties).toMatchObject({ title: 'Director', head: true, from: '2016-08-01', to: '2021-12-31', sources: ['test-import-every-doc'] });
    const { records } = await driver.executeQuery('MATCH ()-[post:HELD_POST {id: $id}]->() RETURN post.from AS from', { id: post.id });
    expect(neo4j.isDate(records[0]!.get('from'))).toBe(true);

    const record = await importRecord(result.importId);
    const checksum = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    expect(record).toMatchObject({ fileName: file, checksum, importedBy: WHO, status: 'complete', committedBatches: 2, rowCount: 29 });
    expect(record!.runs).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT.* test-import-who$/)]);
  });

  it("is found for undo by the import's exact id: not by a part of it, and an id holding quotes or backslashes as written", async () => {
    // Ids the importer never makes (import:<hex>), written directly: the look-up must not read them as Lucene syntax.
    const odd = 'import:"odd\\ id" OR *';
    await driver.executeQuery(
      `CREATE (:Entity:Organization {id: 'test-import-odd-a', name: 'Odd A', synthetic: false, imports: [$odd]})
              -[:SUBORDINATE_TO {id: 'test-import-odd-link', imports: [$odd, 'import:other']}]->
             (:Entity:Organization {id: 'test-import-odd-b', name: 'Odd B', synthetic: false, imports: ['import:other']})`,
      { odd },
    );
    const reader = new GraphExecutor(driver, catalogue, { timeoutMs: 60_000 });
    const ids = async (importId: string) => [
      ...(await reader.records(queries.importNodes, { importId, limit: 10 })).map((node) => node.id),
      ...(await reader.records(queries.importRelationships, { importId, limit: 10 })).map((link) => link.id),
    ];
    expect(await ids(odd)).toEqual(['test-import-odd-a', 'test-import-odd-link']);
    expect(await ids('import:"odd')).toEqual([]);
    expect(await ids('import:other')).toEqual(['test-import-odd-b', 'test-import-odd-link']);
    // Undo's check: the node the odd import alone wrote holds a link another import asserts.
    expect((await reader.records(queries.undoConflicts, { importId: odd, limit: 10 })).map((conflict) => conflict.linkId)).toEqual(['test-import-odd-link']);
  });

  it('reads a CSV of one role and a JSON array of one type, checking them against what the graph holds', async () => {
    expect((await runImportOf(fixture('bundle.json'))).status).toBe('complete');
    const officials = await runImportOf(fixture('officials.csv'), { type: 'Official' });
    expect(officials.status).toBe('complete');
    const posts = await runImportOf(fixture('held-posts.json'), { type: 'HELD_POST' });
    expect(posts.status).toBe('complete');

    const graph = await snapshot('test-import-');
    const official = (n: number) => graph.nodes.find((node) => node.id === `test-import-csv-official-${n}`)!;
    expect(official(1).labels).toEqual(['Entity', 'Official', 'Person']);
    expect(official(1).properties).toMatchObject({ nameZh: '测试一', notes: 'Director, later "promoted"', sources: ['s_icij_xpf'], confidence: 'confirmed' });
    expect((official(1).properties.aliases as string[]).slice(0, 2)).toEqual(['T. Official', 'Official One']);
    expect(official(2).labels).toEqual(['Detainee', 'Entity', 'Official', 'Person']);
    expect(official(2).properties).toMatchObject({ notes: 'A note\nover two lines', sources: ['s_icij_xpf', 'test-import-bundle-doc'] });
    expect(graph.relationships.filter((link) => link.type === 'HELD_POST').map((link) => [link.id, link.source, link.target, link.properties.head])).toEqual([
      ['test-import-json-post-1', 'test-import-csv-official-1', 'test-import-bundle-org', true],
      ['test-import-json-post-2', 'test-import-csv-official-2', 'test-import-bundle-org', false],
    ]);
  });
});

describe('bad rows', () => {
  it('refuses a bad row of every kind and type, reports each, and writes nothing', async () => {
    const good = sampleBundle('test-import-broken');
    const bundle = {
      nodes: [...good.nodes, ...good.nodes.map((node) => brokenNode({ ...node, id: `${node.id}-bad` }))],
      relationships: good.relationships.map((link) => brokenRelationship(link, 'test-import-broken')),
    };
    const file = await writeBundle('broken.json', bundle);
    const before = await counts();
    const result = await runImportOf(file);
    expect(result.status).toBe('refused');
    expect(result.validation.badRowCount).toBe(good.nodes.length + good.relationships.length);
    const reported = result.lines.filter((line) => line.startsWith(`${file}:`));
    expect(reported).toHaveLength(good.nodes.length + good.relationships.length);
    expect(reported.filter((line) => / properties\.confidence: Invalid option: expected one of /.test(line))).toHaveLength(good.nodes.length);
    for (const link of good.relationships)
      expect(reported).toContainEqual(expect.stringContaining(` source: "test-import-broken-figure" is a Figure; ${link.type} starts at `));
    expect(result.lines.at(-1)).toBe('Nothing was written: fix these rows, or pass --skip-invalid to import the others.');
    expect(await counts()).toEqual(before);
    expect(await importRecord(result.importId)).toBeNull();
  });

  it('writes nothing when one row of a file is bad, and says exactly where and why', async () => {
    const before = await counts();
    const result = await runImportOf(fixture('bad-people.csv'), { type: 'Person' });
    expect(result.status).toBe('refused');
    expect(result.lines).toEqual([
      'Read 4 rows from tests/fixtures/import/bad-people.csv: 4 nodes, 0 relationships.',
      'tests/fixtures/import/bad-people.csv:4 properties.birthDate: Invalid ISO date',
      'tests/fixtures/import/bad-people.csv:4 properties.age: Invalid input: expected number, received string',
      '1 bad row (2 problems); line numbers are where each row starts in the file.',
      'Nothing was written: fix these rows, or pass --skip-invalid to import the others.',
    ]);
    expect(result.validation.problems).toEqual([
      { file: 'tests/fixtures/import/bad-people.csv', line: 4, field: 'properties.birthDate', reason: 'Invalid ISO date' },
      { file: 'tests/fixtures/import/bad-people.csv', line: 4, field: 'properties.age', reason: 'Invalid input: expected number, received string' },
    ]);
    expect(await counts()).toEqual(before);
    expect(await importRecord(result.importId)).toBeNull();
  });

  it('with --skip-invalid writes the good rows and lists the bad ones', async () => {
    const result = await runImportOf(fixture('bad-people.csv'), { type: 'Person', skipInvalid: true });
    expect(result.status).toBe('complete');
    expect(result.lines).toContain('Skipping the 1 bad row (--skip-invalid); importing the other 3.');
    expect(result.lines).toContain('tests/fixtures/import/bad-people.csv:4 properties.age: Invalid input: expected number, received string');
    expect(result.lines.find((line) => line.startsWith('Imported'))).toMatch(/^Imported 3 rows in 1 batch, .* rows\/s\); skipped 1 bad row\.$/);
    expect((await snapshot('test-import-bad-')).nodes.map((node) => node.id)).toEqual(['test-import-bad-1', 'test-import-bad-2', 'test-import-bad-4']);
    expect(await importRecord(result.importId)).toMatchObject({ rowCount: 3, status: 'complete' });
  });

  it('with --skip-invalid leaves what the graph holds alone when a bad row names it', async () => {
    const result = await runImportOf(fixture('bad-bundle.json'), { skipInvalid: true });
    expect(result.status).toBe('complete');
    expect(result.validation.badRowCount).toBe(15);
    const graph = await snapshot('test-import-mixed');
    expect(graph.nodes.map((node) => node.id)).toEqual(['test-import-mixed-doc', 'test-import-mixed-guard', 'test-import-mixed-org']);
    expect(graph.relationships.map((link) => link.id)).toEqual(['test-import-mixed-post']);
    const { records } = await driver.executeQuery(
      'MATCH (node:Entity) WHERE node.id IN $ids RETURN node.id AS id, labels(node) AS labels, node.imports AS imports ORDER BY id',
      {
        ids: ['org_cmc', 's_icij_xpf'],
      },
    );
    for (const record of records) {
      expect(record.get('labels')).not.toContain('Person');
      expect(record.get('imports') ?? []).not.toContain(result.importId);
    }
  });
});

describe('importing again', () => {
  it('is a no-op for the same file and options, and adds no duplicates under other options', async () => {
    const first = await runImportOf(fixture('bundle.json'));
    expect(first.status).toBe('complete');
    const graph = await snapshot('test-import-bundle');
    const before = await counts();

    const again = await runImportOf(fixture('bundle.json'));
    expect(again.status).toBe('already-complete');
    expect(again.importId).toBe(first.importId);
    expect(again.lines.at(-1)).toMatch(new RegExp(`^Already imported on \\d{4}-\\d\\d-\\d\\dT.*: nothing to do \\(${first.importId}\\)\\.$`));
    expect(await snapshot('test-import-bundle')).toEqual(graph);
    expect(await counts()).toEqual(before);
    expect((await importRecord(first.importId))!.runs).toHaveLength(2);

    // Other options are another import of the same rows: merged on their ids, so no duplicate.
    const other = await runImportOf(fixture('bundle.json'), { batchSize: 1 });
    expect(other.status).toBe('complete');
    expect(other.outcome!.writtenBatches).toBe(8);
    expect(await counts()).toEqual({ ...before, imports: before.imports + 1 });
    const merged = await snapshot('test-import-bundle');
    expect(merged.nodes.map((node) => ({ ...node, properties: { ...node.properties, imports: undefined } }))).toEqual(
      graph.nodes.map((node) => ({ ...node, properties: { ...node.properties, imports: undefined } })),
    );
    for (const element of [...merged.nodes, ...merged.relationships]) expect(element.properties.imports).toEqual([first.importId, other.importId]);
  });
});

/** The CLI as an operator runs it, against the run's Neo4j. */
function runCli(args: string[], env: NodeJS.ProcessEnv = {}, until?: RegExp) {
  const neo4jTest = inject('neo4j');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/import-cli.ts', ...args], {
    env: { ...process.env, NEO4J_URI: neo4jTest.uri, NEO4J_USER: neo4jTest.user, NEO4J_PASSWORD: neo4jTest.password, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    // Killed outright, as a crash or a power cut would: no handler runs, no batch is finished.
    if (until?.test(stdout)) child.kill('SIGKILL');
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

/** 1,000 nodes and 1,000 links: 40 batches of 50. */
function crashBundle(prefix: string): Bundle {
  const doc = `${prefix}doc`;
  const person = (n: number) => `${prefix}person-${String(n).padStart(4, '0')}`;
  return {
    nodes: [
      { id: doc, labels: ['Document'], name: 'Test import crash document', collection: 'Test imports' },
      ...Array.from({ length: 999 }, (_, n) => ({
        id: person(n),
        labels: ['Person'],
        name: `Test Import Crash ${n}`,
        age: n % 100,
        sources: [doc],
        confidence: 'reported',
      })),
    ],
    relationships: Array.from({ length: 1000 }, (_, n) => ({
      id: `${prefix}related-${String(n).padStart(4, '0')}`,
      type: 'RELATED_TO',
      source: person(n % 999),
      target: person((n * 7 + 1) % 999),
      kinship: 'cousin',
      sources: [doc],
      confidence: 'inferred',
    })),
  };
}

describe('the CLI', () => {
  it('resumes after a crash mid-import to the same graph as one clean run, without duplicates or gaps', async () => {
    const prefix = 'test-import-crash-';
    const file = await writeBundle('crash.json', crashBundle(prefix));
    const importId = importIdOf(await readFile(file), { type: undefined, skipInvalid: false, batchSize: 50 });
    importIds.add(importId);
    const args = [file, '--batch-size', '50', '--as', 'test-import-who'];

    const crashed = await runCli(args, {}, /batch 2\/40 committed/);

    expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
    const record = (await importRecord(importId))!;
    expect(record.status).toBe('running');
    const committed = record.committedBatches as number;
    expect(committed).toBeGreaterThanOrEqual(2);
    expect(committed).toBeLessThan(40);
    // Exactly the committed batches are in the graph: nodes come first, 50 to a batch.
    const partial = await counts(prefix);
    expect(partial.nodes).toBe(Math.min(committed, 20) * 50);
    expect(partial.relationships).toBe(Math.max(committed - 20, 0) * 50);

    const resumed = await runCli(args);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`batch ${committed + 1}/40 committed`);
    expect(resumed.stdout).not.toContain(`batch ${committed}/40 committed`);
    expect(resumed.stdout).toMatch(
      new RegExp(
        `Imported ${((40 - committed) * 50).toLocaleString('en')} rows in ${40 - committed} batches, .*; resumed after batch ${committed}/40, which an earlier run committed\\.`,
      ),
    );
    const afterCrash = await snapshot(prefix, { withImports: false });
    expect(await counts(prefix)).toMatchObject({ nodes: 1000, relationships: 1000 });
    expect((await snapshot(prefix)).nodes.every((node) => JSON.stringify(node.properties.imports) === JSON.stringify([importId]))).toBe(true);

    const noop = await runCli(args);
    expect(noop.code).toBe(0);
    expect(noop.stdout).toContain('Already imported on ');

    // The same rows from scratch, in one run.
    await driver.executeQuery('MATCH (node:Entity) WHERE node.id STARTS WITH $prefix DETACH DELETE node', { prefix });
    await driver.executeQuery('MATCH (record:_Import {id: $importId}) DELETE record', { importId });
    const clean = await runCli(args);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('batch 40/40 committed');
    expect(await snapshot(prefix, { withImports: false })).toEqual(afterCrash);
    expect(afterCrash.nodes).toHaveLength(1000);
    expect(afterCrash.relationships).toHaveLength(1000);
    // Four runs of the CLI, each a Node process that compiles its TypeScript on start: seconds each on
    // an idle machine, a minute or more when other work holds both cores.
  }, 300_000);

  it('exits 1 with the report when a row is bad, and 0 when told to skip it', async () => {
    const refused = await runCli([fixture('bad-people.csv'), '--type', 'Person']);
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stdout).toContain('tests/fixtures/import/bad-people.csv:4 properties.age: Invalid input: expected number, received string\n');
    expect(refused.stdout).toContain('Nothing was written');
    expect(refused.stderr).toBe('');

    const skipped = await runCli([fixture('bad-people.csv'), '--type', 'Person', '--skip-invalid']);
    importIds.add(importIdOf(await readFile(fixture('bad-people.csv')), { type: 'Person', skipInvalid: true, batchSize: 5_000 }));
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(/skipped 1 bad row\./);
  });

  // Seven command-line processes in turn: minutes on a busy two-core machine.
  it('refuses what it cannot import in one line, before starting any database', { timeout: 600_000 }, async () => {
    const cases: [string[], RegExp][] = [
      [
        [fixture('bundle.json'), '--type', 'Camp'],
        /^Cannot import: tests\/fixtures\/import\/bundle\.json: is a bundle, whose rows name their own labels and types: drop --type\n$/,
      ],
      [[fixture('officials.csv'), '--type', 'Camp'], /^Cannot import: unknown --type "Camp": expected a node kind \(Person, .*\n$/],
      [[fixture('officials.csv')], /^Cannot import: tests\/fixtures\/import\/officials\.csv: a CSV file holds one kind of row: name it with --type/],
      [[fixture('samples.ts')], /^Cannot import: tests\/fixtures\/import\/samples\.ts: unknown file type "\.ts": expected \.csv or \.json\n$/],
      [[fixture('bundle.json'), '--batch-size', 'lots'], /^Cannot import: --batch-size must be a whole number from 1 to 50000, not "lots"\n$/],
      [[], /^Cannot import: name one file to import\nusage: npm run import -- <file>/],
    ];
    const broken = join(scratch, 'broken.json');
    await writeFile(broken, '{\n  "nodes": [\n    { "id": "a" }\n  ]\n');
    cases.push([[broken], /^Cannot import: .*broken\.json: not valid JSON: .*\(line 5, column 1\)\n$/]);
    for (const [args, expected] of cases) {
      // No NEO4J_URI and a data folder nobody has started: a refusal must come before any start.
      const run = await runCli(args, { NEO4J_URI: '', DATA_DIR: join(scratch, 'never-started') });
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr, args.join(' ')).toMatch(expected);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('says to stop the explorer or set NEO4J_URI when the explorer holds the data folder', async () => {
    const dataDir = join(scratch, 'in-use');
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(join(dataDir, 'neo4j'), { recursive: true });
    // This test's own process stands in for the running explorer.
    await writeFile(join(dataDir, 'neo4j', 'xpf-explorer.pid'), `${process.pid}\n`);
    const run = await runCli([fixture('bundle.json')], { NEO4J_URI: '', DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `Cannot import: the data folder ${dataDir} is locked by a running xpf-explorer (pid ${process.pid}): stop it first, or set NEO4J_URI (and NEO4J_PASSWORD) to import into its database\n`,
    );
  });
});
