// The bulk load through Neo4j's offline importer (server/queries/bulk-load.ts) against the online path:
// the small seed loaded offline into a fresh store is the graph the run's Neo4j holds from the online
// seed (same labels, properties and their types, relationships, dates, import record), values that
// stress CSV come back as written, and a bad row stops the load and leaves no store behind.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import type { GraphBatch } from '../../contract/graph-rows.ts';
import { NodeRow, RelationshipRow } from '../../contract/graph-rows.ts';
import { queries } from '../../contract/queries/index.ts';
import { parseEnv } from '../../server/env.ts';
import { createDriver } from '../../server/graph/driver.ts';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/graph/embedded.ts';
import { bulkLoad, type BulkLoadProgress, type BulkLoadTarget } from '../../server/queries/bulk-load.ts';
import { seedBatches, seedRecord } from '../../seed/seed-batches.ts';
import { Cleanups } from '../support/app-process.ts';
import { NEO4J_TEST_START_MS, TEST_JVM_OPTIONS } from '../support/neo4j-start.ts';
import { testDriver, testExecutor } from '../support/neo4j.ts';
import { freePort } from '../../server/graph/ports.ts';

const cleanups = new Cleanups();
afterAll(() => cleanups.run());

/** Values CSV can get wrong: quotes, the delimiter, a line break, scripts, fractions, flags, lists. */
const awkward: GraphBatch = {
  nodes: [
    NodeRow.parse({
      id: 'bulk-awkward-person',
      labels: ['Person', 'Official'],
      properties: {
        name: 'Ma "the Elder", Jr.',
        nameZh: '马 · 某',
        aliases: ['M, A.', 'Ma; "E"'],
        notes: 'Line one\nline two, "quoted"',
        age: 61,
        sources: ['bulk-awkward-doc'],
        confidence: 'reported',
      },
    }),
    NodeRow.parse({
      id: 'bulk-awkward-doc',
      labels: ['Document'],
      properties: { name: 'A, "source"', collection: 'Bulk-load test', pages: 3, synthetic: true },
    }),
    NodeRow.parse({
      id: 'bulk-awkward-camp',
      labels: ['Facility'],
      properties: { name: 'Camp', facilityType: 'camp', latitude: 39.5, longitude: 76, sources: ['bulk-awkward-doc'], confidence: 'inferred' },
    }),
  ],
  relationships: [
    RelationshipRow.parse({
      id: 'bulk-awkward-link',
      type: 'ASSIGNED_TO',
      source: 'bulk-awkward-person',
      target: 'bulk-awkward-camp',
      properties: { from: '2017-03-01', to: '2018-12-31', role: 'head, "acting"', sources: ['bulk-awkward-doc'], confidence: 'reported' },
    }),
  ],
};

const everything = `
MATCH (node) WHERE node:Entity OR node:_Import
RETURN node.id AS id, labels(node) AS labels, properties(node) AS properties,
       [key IN keys(node) | key + ':' + valueType(node[key])] AS types
UNION ALL
MATCH ()-[link]->()
RETURN link.id AS id, [type(link), startNode(link).id, endNode(link).id] AS labels, properties(link) AS properties,
       [key IN keys(link) | key + ':' + valueType(link[key])] AS types`;

type Element = { labels: string[]; properties: Record<string, unknown>; types: string[] };

async function graphOf(driver: Driver): Promise<Map<string, Element>> {
  const { records } = await driver.executeQuery(everything);
  const graph = new Map<string, Element>();
  for (const record of records) {
    const labels = (record.get('labels') as string[]).sort();
    // Other test files add keys starting with "test" to seed nodes in the run's database.
    const types = (record.get('types') as string[]).filter((type) => !type.startsWith('test')).sort();
    const properties = Object.fromEntries(Object.entries(record.get('properties') as Record<string, unknown>).filter(([key]) => !key.startsWith('test')));
    graph.set(String(record.get('id')), { labels, properties, types });
  }
  return graph;
}

/** An empty store, loaded by `load` before Neo4j first opens it; stopped at cleanup. */
async function loadedStore(
  load: (target: BulkLoadTarget) => Promise<unknown>,
  jvmOptions: readonly string[] = TEST_JVM_OPTIONS,
): Promise<{ neo4j: EmbeddedNeo4j; driver: Driver; homeDir: string }> {
  const dataDir = await cleanups.tempDir('xpf-bulk-');
  const neo4j = await startEmbeddedNeo4j({
    dataDir,
    cacheDir: parseEnv().XPF_CACHE_DIR,
    boltPort: await freePort(),
    heap: '256m',
    pageCache: '64m',
    startTimeoutMs: NEO4J_TEST_START_MS,
    jvmOptions,
    beforeFirstStart: (store) => load({ ...store, heap: '256m', offHeap: '128m' }).then(() => {}),
  });
  const driver = createDriver(neo4j.uri, neo4j.user, neo4j.password);
  cleanups.add(async () => {
    await driver.close();
    await neo4j.stop();
  });
  return { neo4j, driver, homeDir: join(dataDir, 'neo4j') };
}

const seedImport = { ...seedRecord('small'), fileName: 'seed (small)', importedBy: 'seed (bulk-load test)', rowCount: null, linkElements: false };

describe('a bulk load through the offline importer', () => {
  it('writes the graph the online path writes: the small seed as the run has it, and awkward values as given', async () => {
    const progress: BulkLoadProgress[] = [];
    const { driver } = await loadedStore((target) => bulkLoad(target, seedImport, [...seedBatches('small'), awkward], (each) => progress.push(each)));
    // The seed's progress follows the importer through its stages, as it names them, after the CSV is written.
    const steps = [...new Set(progress.flatMap((each) => (each.stage === 'importing' ? [each.step] : [])))];
    expect(steps.slice(0, 2)).toEqual(['Starting', 'Nodes']);
    expect(steps.indexOf('Relationships')).toBeGreaterThan(steps.indexOf('Nodes'));
    expect(steps).toContain('Node counts and label index build');
    expect(progress.findLastIndex((each) => each.stage === 'writing')).toBeLessThan(progress.findIndex((each) => each.stage === 'importing'));
    const graph = await testExecutor(driver);
    await graph.applySchema(queries.schema);
    // Start-up takes a bulk-loaded seed for a finished one: it is not seeded again.
    expect((await graph.record(queries.graphHasEvidence, {}))?.state.seeded).toBe(true);

    const offline = await graphOf(driver);
    const online = testDriver();
    const reference = await graphOf(online).finally(() => online.close());
    let compared = 0;
    for (const [id, element] of offline) {
      if (id.startsWith('bulk-awkward') || id.startsWith('seed:')) continue;
      expect(element, id).toEqual(reference.get(id));
      compared += 1;
    }
    const seedRows = [...seedBatches('small')].reduce((sum, batch) => sum + batch.nodes.length + batch.relationships.length, 0);
    expect(compared).toBe(seedRows);

    const record = offline.get(seedImport.importId)!;
    const onlineRecord = reference.get(seedImport.importId)!;
    expect(record.types).toEqual(onlineRecord.types);
    expect(record.properties).toMatchObject({ status: 'complete', fileName: 'seed (small)', checksum: seedImport.checksum });
    // One batch more than the online seed wrote: the awkward one.
    expect(Number(record.properties.committedBatches)).toBe(Number(onlineRecord.properties.committedBatches) + 1);

    const person = offline.get('bulk-awkward-person')!;
    expect(person.labels).toEqual(['Entity', 'Official', 'Person']);
    expect(person.properties).toMatchObject({
      name: 'Ma "the Elder", Jr.',
      nameZh: '马 · 某',
      aliases: expect.arrayContaining(['M, A.', 'Ma; "E"']),
      notes: 'Line one\nline two, "quoted"',
    });
    expect(person.types).toContain('age:INTEGER NOT NULL');
    expect(offline.get('bulk-awkward-camp')!.types).toEqual(expect.arrayContaining(['latitude:FLOAT NOT NULL', 'longitude:FLOAT NOT NULL']));
    const link = offline.get('bulk-awkward-link')!;
    expect(link.labels).toEqual(['ASSIGNED_TO', 'bulk-awkward-camp', 'bulk-awkward-person']);
    expect(link.properties).toMatchObject({ role: 'head, "acting"', sources: ['bulk-awkward-doc'] });
    expect(link.types).toEqual(expect.arrayContaining(['from:DATE NOT NULL', 'to:DATE NOT NULL']));
    // An offline import, a Neo4j start and two whole-graph reads: minutes on two cores shared with other suites.
  }, 900_000);

  it('stops at a link to a node that does not exist, naming it, and leaves no store behind; its JVM had NEO4J_JVM_OPTIONS', async () => {
    const broken: GraphBatch = {
      nodes: [awkward.nodes[1]!],
      relationships: [{ ...awkward.relationships[0]!, source: 'bulk-awkward-doc', target: 'bulk-nowhere' }],
    };
    let homeDir = '';
    // A JVM option whose effect shows: each JVM given it writes a log file named by its pid.
    const logs = await cleanups.tempDir('xpf-bulk-jvm-');
    const attempt = loadedStore(
      async (target) => {
        homeDir = target.homeDir;
        return bulkLoad(target, { ...seedImport, importId: 'bulk-broken' }, [broken]);
      },
      [...TEST_JVM_OPTIONS, `-Xlog:gc:file=${join(logs, 'jvm-%p.log')}`],
    );
    await expect(attempt).rejects.toThrow(/Neo4j's offline import failed: .*referring to missing node bulk-nowhere/);
    // Neo4j never started: the one JVM that ran with the options given to Neo4j is its importer.
    expect(await readdir(logs)).toEqual([expect.stringMatching(/^jvm-\d+\.log$/)]);
    expect(existsSync(join(homeDir, 'data', 'databases', 'neo4j'))).toBe(false);
    expect(existsSync(join(homeDir, 'offline-import'))).toBe(false);
    expect(existsSync(join(homeDir, 'xpf-explorer.pid'))).toBe(false);
  }, 900_000);
});
