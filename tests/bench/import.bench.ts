// `npm run bench:import [-- --scale 1m]`: the project's import of a synthetic scale beside a bare-driver
// baseline (plain batched UNWIND ... CREATE of the same rows) on the same Neo4j, in the same run.
// Reports rows per second and their ratio; timings vary with the machine, the ratio much less.
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { loadSeed } from '../../server/queries/seed-graph.ts';
import { GraphExecutor } from '../../server/graph/executor.ts';
import { publicRecordRows, readReference } from '../../seed/public-record.ts';
import { SCALES, syntheticBatches, type ScaleName } from '../../seed/synthetic.ts';
import { toDriverParams } from '../../server/graph/executor.ts';
import { withFreshNeo4j } from './fresh-neo4j.ts';
import { benchMappedCsv, benchPeakMemory } from './mapped-import.bench.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1m' },
    heap: { type: 'string', default: '3g' },
    pagecache: { type: 'string', default: '3g' },
    'mapped-rows': { type: 'string', default: '100000' },
    'memory-gigabytes': { type: 'string', default: '1' },
  },
});
const scale = values.scale as ScaleName;
if (!(scale in SCALES)) throw new Error(`unknown scale ${scale}`);

// The baseline: what a developer would write with the bare driver, no validation, no provenance.
const BASELINE_NODES = `UNWIND $rows AS row
CREATE (node:Entity {id: row.id}) SET node += row.properties, node:$(row.labels)`;
const BASELINE_RELATIONSHIPS = `UNWIND $rows AS row
MATCH (source:Entity {id: row.source}) MATCH (target:Entity {id: row.target})
CREATE (source)-[link:$(row.type)]->(target) SET link += row.properties, link.id = row.id`;

async function counts(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery('RETURN COUNT { (:Entity) } AS nodes, COUNT { ()-[]->() } AS relationships');
  return { nodes: Number(records[0]!.get('nodes')), relationships: Number(records[0]!.get('relationships')) };
}

async function baseline(driver: Driver): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  let rows = 0;
  const write = async (cypher: string, batch: unknown[]) => {
    if (batch.length === 0) return;
    await driver.executeQuery(cypher, toDriverParams({ rows: batch }) as Record<string, unknown>);
    rows += batch.length;
  };
  const record = publicRecordRows(readReference());
  await write(BASELINE_NODES, record.nodes);
  await write(BASELINE_RELATIONSHIPS, record.relationships);
  // The generator's rows as they come: the baseline neither validates nor converts them.
  for (const batch of syntheticBatches(SCALES[scale])) {
    await write(BASELINE_NODES, batch.nodes);
    await write(BASELINE_RELATIONSHIPS, batch.relationships);
  }
  return { rows, seconds: (performance.now() - started) / 1000 };
}

async function project(driver: Driver): Promise<{ rows: number; seconds: number }> {
  const catalogue = await loadCatalogue();
  const started = performance.now();
  const outcome = await loadSeed(new GraphExecutor(driver, catalogue, { timeoutMs: 600_000 }), scale);
  return { rows: outcome.writtenRows, seconds: (performance.now() - started) / 1000 };
}

/** Each side gets a fresh Neo4j with the same settings, so neither inherits the other's store. */
const memory = { heap: values.heap!, pageCache: values.pagecache! };

async function main(): Promise<void> {
  const bare = await withFreshNeo4j(memory, async (driver, version) => {
    console.log(`bench:import, scale ${scale}, Neo4j ${version} (heap ${values.heap}, page cache ${values.pagecache}), a fresh database for each side`);
    return { ...(await baseline(driver)), ...(await counts(driver)) };
  });
  console.log(
    `baseline  ${bare.rows.toLocaleString('en')} rows in ${bare.seconds.toFixed(1)} s = ${Math.round(bare.rows / bare.seconds).toLocaleString('en')} rows/s  (${bare.nodes.toLocaleString('en')} nodes, ${bare.relationships.toLocaleString('en')} relationships)`,
  );

  const ours = await withFreshNeo4j(memory, async (driver) => ({ ...(await project(driver)), ...(await counts(driver)) }));
  console.log(
    `project   ${ours.rows.toLocaleString('en')} rows in ${ours.seconds.toFixed(1)} s = ${Math.round(ours.rows / ours.seconds).toLocaleString('en')} rows/s  (${ours.nodes.toLocaleString('en')} nodes, ${ours.relationships.toLocaleString('en')} relationships)`,
  );

  const ratio = ours.rows / ours.seconds / (bare.rows / bare.seconds);
  console.log(`ratio     ${ratio.toFixed(2)}x the bare driver (target >= 0.80x); project total ${ours.seconds.toFixed(1)} s (target < 180 s)`);
  if (bare.nodes !== ours.nodes || bare.relationships !== ours.relationships) console.log('warning: the two runs wrote different counts');
}

await main();
// The mapped import of a roster CSV beside the bare driver, and its peak memory on a 1 GB file.
await benchMappedCsv(Number(values['mapped-rows']));
await benchPeakMemory(Number(values['memory-gigabytes']));
