// The warm-up before "Ready" (server/graph/warm-up.ts) on the run's seeded Neo4j: besides planning
// every curated query, it runs the queries that open one record over a few real records, one of each
// kind an analyst starts from, and reads only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queries } from '../../contract/queries/index.ts';
import { isBackgroundQuery, isPlannedOnly, loadCatalogue } from '../../server/graph/catalogue.ts';
import { GraphExecutor } from '../../server/graph/executor.ts';
import { sampleParams, UnknownNames, warmBackgroundQueries } from '../../server/graph/warm-up.ts';
import { testDriver } from '../support/neo4j.ts';

const driver = testDriver();
let graph: GraphExecutor;
beforeAll(async () => {
  graph = new GraphExecutor(driver, await loadCatalogue(), { timeoutMs: 120_000 });
});
afterAll(() => driver.close());

/** The queries an analyst's first screen runs on a record, whatever its kind. */
const OPENING_QUERIES = [
  'chain-of-command',
  'chain-ceilings',
  'who-is-responsible',
  'node-details',
  'relationship-counts',
  'expand-neighbourhood',
  'facilities-under',
  'facility-profile',
  'directive-propagation',
];

describe('the warm-up', () => {
  it('rehearses the first screen on one linked record of each kind an analyst starts from, and writes nothing', async () => {
    const subjects = (await graph.record(queries.rehearsalSubjects, { limit: 1 }))!.ids;
    const { records } = await driver.executeQuery('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN id, labels(n) AS labels, COUNT { (n)--() } AS links', {
      ids: subjects,
    });
    const kinds = records.map((record) =>
      (record.get('labels') as string[]).find((label) => ['Detainee', 'Guard', 'Official', 'Facility', 'Organization'].includes(label)),
    );
    expect(kinds.sort()).toEqual(['Detainee', 'Facility', 'Guard', 'Official', 'Organization']);
    for (const record of records) expect(Number(record.get('links')), record.get('id')).toBeGreaterThan(0);

    const rehearsed: string[] = [];
    // Each opening query runs once per subject (the executor's own count says how many answered).
    const answered = await graph.rehearseQueries(
      (entry) => {
        const sample = sampleParams(entry);
        if (sample && typeof sample.id === 'string') rehearsed.push(entry.definition.name);
        return sample;
      },
      subjects,
      120_000,
    );
    expect(rehearsed).toEqual(expect.arrayContaining(OPENING_QUERIES));
    expect(answered).toBeGreaterThanOrEqual(OPENING_QUERIES.length * subjects.length);
    expect(answered).toBeLessThanOrEqual(rehearsed.length * subjects.length);
    // Writes nothing: each query it ran is a read, run as the executor runs reads, which Neo4j refuses to
    // let write. (Not by counting the store before and after: other files write to this Neo4j meanwhile.)
    expect(rehearsed.filter((name) => graph.catalogue.get(name)?.mode !== 'read')).toEqual([]);
    await expect(graph.rawRead('CREATE (probe:_RehearsalProbe) RETURN probe', {})).rejects.toThrow(/read access mode/i);
  });

  it("plans the seed's and imports' writes (after Ready), only those, each once the server is quiet", async () => {
    const background = [...graph.catalogue.values()].filter(isBackgroundQuery).map((entry) => entry.name);
    expect(background).toEqual(expect.arrayContaining(['merge-import-nodes', 'merge-import-relationships', 'commit-batch', 'create-nodes']));
    const said: string[] = [];
    let waits = 0;
    const planned = await warmBackgroundQueries(
      graph,
      (line) => said.push(line),
      async () => {
        waits += 1;
      },
    );
    expect(said).toEqual([]);
    expect(planned).toBe(background.length);
    expect(waits).toBe(background.length);
  });

  it('plans the queries that read the whole store without running them, for the parameters the app sends', async () => {
    const wholeStore = [...graph.catalogue.values()].filter(isPlannedOnly);
    expect(wholeStore.map((entry) => entry.name).sort()).toEqual(['touch-store']);
    const nodeDetails = graph.catalogue.entry(queries.nodeDetails);
    const sent: { name: string; text: string; parameters: string[] }[] = [];
    const failures: string[] = [];
    const planned = await graph.warmQueries(sampleParams, 60_000, (query, error) => failures.push(`${query.name}: ${String(error)}`), {
      replan: [...wholeStore, nodeDetails],
      onSummary: (entry, summary) => sent.push({ name: entry.name, text: summary.query.text, parameters: Object.keys(summary.query.parameters).sort() }),
    });
    expect(failures).toEqual([]);
    expect(planned).toBe(wholeStore.length + 1);
    // Each planned by EXPLAIN (nothing read) with a sample of every parameter the app sends, so the
    // plan is the one its requests find; a query that reads one record is run, as before.
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(sent.map(({ name, text, parameters }) => ({ name, explained: text.startsWith('EXPLAIN'), parameters })).sort(byName)).toEqual(
      [...wholeStore, nodeDetails]
        .map((entry) => ({ name: entry.name, explained: entry !== nodeDetails, parameters: Object.keys(sampleParams(entry) ?? {}).sort() }))
        .sort(byName),
    );
  });

  it('plans a query the same whatever the length of its lists and strings, so one plan serves every request', async () => {
    // Neo4j's default (internal.cypher.use_parameter_size) plans by the order of magnitude of each
    // list's length, and caches a plan per size: there, one id is estimated at 1 row and a thousand at
    // 929, and each new size was planned again after the warm-up. embedded.ts turns it off.
    const estimate = async (ids: string[]) => {
      const explained = await driver.executeQuery('EXPLAIN MATCH (node:Entity) WHERE node.id IN $ids RETURN node.id', { ids });
      return (explained.summary.plan as { arguments: Record<string, unknown> }).arguments.EstimatedRows;
    };
    const one = await estimate(['warm-up-size-0']);
    expect(one).toEqual(expect.any(Number));
    expect(await estimate(Array.from({ length: 1000 }, (_, index) => `warm-up-size-${index}`))).toBe(one);
  });

  it('reads the names Neo4j does not know from a plan, and nothing from a plan whose names it knows', async () => {
    // Names no test creates: EXPLAIN writes nothing, so they stay unknown for every run.
    const unknown = new UnknownNames();
    const explained = await driver.executeQuery(
      'EXPLAIN MATCH (a:_WarmUpNeverLabel)-[:WARM_UP_NEVER_TYPE]->(b) WHERE a.warmUpNeverKey = 1 RETURN b.warmUpNeverOther',
    );
    expect(unknown.add(explained.summary)).toBe(true);
    expect(unknown.params()).toEqual({
      labels: ['_WarmUpNeverLabel'],
      relationshipTypes: ['WARM_UP_NEVER_TYPE'],
      propertyKeys: ['warmUpNeverKey', 'warmUpNeverOther'],
    });
    const known = await driver.executeQuery('EXPLAIN MATCH (a:Entity)-[:REPORTS_TO]->(b) WHERE a.id = $id RETURN b.name', { id: 'x' });
    expect(new UnknownNames().add(known.summary)).toBe(false);
  });
});
