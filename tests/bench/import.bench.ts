// `npm run bench:import [-- --scale 1m] [--smoke]`: one synthetic scale loaded three ways, each into a
// fresh Neo4j with the same settings (in smoke mode the bare and online loads share one, emptied
// between them), in one run: Neo4j's offline importer (the project's bulk load:
// rows validated, written as CSV, imported while Neo4j is stopped, indexes built after), the project's
// online import (validated batches in transactions, the path of a live database), and the bare
// driver's baseline (plain batched UNWIND ... CREATE of the same rows, no validation, no provenance).
// Prints rows per second and ratios to the baseline; figures vary with the machine, ratios much less.
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { loadSeed, seedOffline } from '../../server/queries/seed-graph.ts';
import { GraphExecutor, toDriverParams } from '../../server/graph/executor.ts';
import type { BulkLoadOutcome } from '../../server/queries/bulk-load.ts';
import { gazetteerRows } from '../../seed/gazetteer.ts';
import { publicRecordRows, readReference } from '../../seed/public-record.ts';
import { SCALES, syntheticBatches, type ScaleName } from '../../seed/synthetic.ts';
import { emptied, loadAverage, rate, withFreshNeo4j, type BenchNeo4j, type BenchNeo4jOptions } from './fresh-neo4j.ts';
import { benchMappedCsv, benchPeakMemory } from './mapped-import.bench.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1m' },
    heap: { type: 'string', default: '3g' },
    pagecache: { type: 'string', default: '3g' },
    'mapped-rows': { type: 'string', default: '100000' },
    'memory-gigabytes': { type: 'string', default: '1' },
    // In `npm test` (tests/bench-smoke/): the small scale, small memory, seconds not minutes.
    smoke: { type: 'boolean', default: false },
  },
});
const scale = (values.smoke ? 'small' : values.scale) as ScaleName;
if (!(scale in SCALES)) throw new Error(`unknown scale ${scale}`);
const memory = values.smoke ? { heap: '512m', pageCache: '128m' } : { heap: values.heap!, pageCache: values.pagecache! };

// The baseline: what a developer would write with the bare driver, no validation, no provenance.
const BASELINE_NODES = `UNWIND $rows AS row
CREATE (node:Entity {id: row.id}) SET node += row.properties, node:$(row.labels)`;
const BASELINE_RELATIONSHIPS = `UNWIND $rows AS row
MATCH (source:Entity {id: row.source}) MATCH (target:Entity {id: row.target})
CREATE (source)-[link:$(row.type)]->(target) SET link += row.properties, link.id = row.id`;

interface Load {
  rows: number;
  seconds: number;
  nodes: number;
  relationships: number;
}

async function counts(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery('RETURN COUNT { (:Entity) } AS nodes, COUNT { ()-[]->() } AS relationships');
  return { nodes: Number(records[0]!.get('nodes')), relationships: Number(records[0]!.get('relationships')) };
}

async function bare(driver: Driver): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  let rows = 0;
  const write = async (cypher: string, batch: unknown[]) => {
    if (batch.length === 0) return;
    await driver.executeQuery(cypher, toDriverParams({ rows: batch }) as Record<string, unknown>);
    rows += batch.length;
  };
  const reference = readReference();
  // The same rows the seed writes: the public record, the official gazetteer, then the synthetic rows.
  for (const rows of [publicRecordRows(reference), gazetteerRows(reference)]) {
    await write(BASELINE_NODES, rows.nodes);
    await write(BASELINE_RELATIONSHIPS, rows.relationships);
  }
  // The generator's rows as they come: the baseline neither validates nor converts them.
  for (const batch of syntheticBatches(SCALES[scale])) {
    await write(BASELINE_NODES, batch.nodes);
    await write(BASELINE_RELATIONSHIPS, batch.relationships);
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}

async function online(driver: Driver): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  const outcome = await loadSeed(new GraphExecutor(driver, await loadCatalogue(), { timeoutMs: 600_000 }), scale);
  return { rows: outcome.writtenRows, seconds: (performance.now() - started) / 1000 };
}

function line(title: string, load: Load, baseline?: Load): string {
  const ratio = baseline ? `  ${(load.rows / load.seconds / (baseline.rows / baseline.seconds)).toFixed(2)}x the bare driver` : '';
  return `${title.padEnd(9)} ${load.rows.toLocaleString('en')} rows in ${load.seconds.toFixed(1)} s = ${rate(load.rows, load.seconds)}${ratio}  (${load.nodes.toLocaleString('en')} nodes, ${load.relationships.toLocaleString('en')} relationships)`;
}

interface OfflineLoad extends Load {
  /** Rows generated, validated and written as CSV, then Neo4j's importer: the bulk load alone. */
  loadSeconds: number;
  /** From the bulk load's start to indexes online, Neo4j's start included. */
  wallSeconds: number;
  schemaSeconds: number;
}

async function main(): Promise<void> {
  console.log(
    `bench:import, scale ${scale}${values.smoke ? ' (smoke)' : ''} (heap ${memory.heap}, page cache ${memory.pageCache}), ${values.smoke ? 'all three loads on one database, emptied between them' : 'a fresh database for each way'}; load average ${await loadAverage()}`,
  );
  let bulk: BulkLoadOutcome | undefined;
  let loadStarted = 0;
  // The offline load needs a store Neo4j has never opened: it is written before the first start.
  const offlineStore: BenchNeo4jOptions = {
    ...memory,
    beforeFirstStart: async (store) => {
      loadStarted = performance.now();
      bulk = await seedOffline({ ...store, heap: memory.heap, offHeap: memory.pageCache }, scale);
    },
  };
  const measureOffline = async (driver: Driver, neo4j: BenchNeo4j): Promise<OfflineLoad> => {
    const loadSeconds = bulk!.writeSeconds + bulk!.importSeconds;
    return {
      rows: bulk!.writtenRows,
      seconds: loadSeconds + neo4j.schemaSeconds,
      loadSeconds,
      wallSeconds: (performance.now() - loadStarted) / 1000,
      schemaSeconds: neo4j.schemaSeconds,
      ...(await counts(driver)),
    };
  };
  let baseline: Load;
  let project: Load;
  let offline: OfflineLoad;
  if (values.smoke) {
    // Smoke: one Neo4j, its store bulk-loaded offline before it starts, then emptied for the bare load,
    // the online load and the mapped import's benches in turn (its figures prove the bench runs, they
    // compare with nothing): one JVM start, not two, minutes on a busy CI machine.
    [offline, baseline, project] = await withFreshNeo4j(offlineStore, async (driver, neo4j) => {
      const offlineLoad = await measureOffline(driver, neo4j);
      const bareLoad = { ...(await bare(await emptied(driver))), ...(await counts(driver)) };
      const loaded = { ...(await online(await emptied(driver))), ...(await counts(driver)) };
      await benchMappedCsv(500, { driver, connection: neo4j.connection });
      await benchPeakMemory(0.001, { driver, connection: neo4j.connection });
      return [offlineLoad, bareLoad, loaded] as const;
    });
  } else {
    baseline = await withFreshNeo4j(memory, async (driver) => ({ ...(await bare(driver)), ...(await counts(driver)) }));
    project = await withFreshNeo4j(memory, async (driver) => ({ ...(await online(driver)), ...(await counts(driver)) }));
    offline = await withFreshNeo4j(offlineStore, measureOffline);
  }
  console.log(line('bare', baseline));
  console.log(line('offline', offline, baseline));
  console.log(
    `          of which rows generated, validated and written as CSV ${bulk!.writeSeconds.toFixed(1)} s, Neo4j's importer ${bulk!.importSeconds.toFixed(1)} s ` +
      `(${rate(offline.rows, bulk!.importSeconds)}), constraints and indexes built after ${offline.schemaSeconds.toFixed(1)} s; ` +
      `load alone ${rate(offline.rows, offline.loadSeconds)} (target >= 100,000 elements/s); from the bulk load's start to indexes online, Neo4j's start included, ${offline.wallSeconds.toFixed(1)} s`,
  );
  console.log(line('online', project, baseline));
  console.log(`load average at the end ${await loadAverage()}`);
  for (const [title, load] of [
    ['offline', offline],
    ['online', project],
  ] as const) {
    if (load.nodes !== baseline.nodes || load.relationships !== baseline.relationships)
      console.log(`warning: the ${title} load wrote different counts from the baseline`);
  }
}

await main();
// The mapped import of a roster CSV beside the bare driver, and its peak memory on a 1 GB file.
if (!values.smoke) {
  await benchMappedCsv(Number(values['mapped-rows']));
  await benchPeakMemory(Number(values['memory-gigabytes']));
}
