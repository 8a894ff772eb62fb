// The curated query catalogue over HTTP, on a fixture graph with known answers (tests/fixtures/command-fixture.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEvidenceQuery, loadCatalogue } from '../../server/graph/catalogue.ts';
import { Result } from '../../contract/result.ts';
import { readReference } from '../../seed/public-record.ts';
import { provenance } from '../fixtures/provenance.ts';
import { removeCommandFixture, writeCommandFixture } from '../fixtures/command-fixture.ts';
import { startTestApp, type AnswerBody, type TestApp } from '../support/neo4j.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await writeCommandFixture(app.driver);
});
afterAll(async () => {
  await removeCommandFixture(app.driver);
  await app.close();
});

async function run(name: string, params: Record<string, unknown>): Promise<{ status: number; body: AnswerBody }> {
  const response = await app.fetch(`/api/queries/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ params }),
  });
  return { status: response.status, body: await response.json() };
}

async function result(name: string, params: Record<string, unknown>) {
  const { status, body } = await run(name, params);
  expect(status, JSON.stringify(body)).toBe(200);
  return Result.parse(body);
}

describe('GET /api/queries', () => {
  it('lists every read query with a JSON Schema of its parameters, and no write query', async () => {
    const { status, body } = await app.get('/api/queries');
    expect(status).toBe(200);
    const names = body.queries.map((query: { name: string }) => query.name);
    const catalogue = await loadCatalogue();
    const reads = [...catalogue.values()]
      .filter(isEvidenceQuery)
      .map((entry) => entry.name)
      .sort();
    expect(names).toEqual(reads);
    for (const forbidden of ['merge-nodes', 'schema', 'begin-import', 'existing-nodes', 'read-view', 'list-views']) expect(names).not.toContain(forbidden);

    const chain = body.queries.find((query: { name: string }) => query.name === 'chain-of-command');
    expect(chain.title).toBe('Chain of command');
    expect(chain.parameters.properties.asOf.description).toMatch(/ISO date/);
    expect(chain.parameters.properties.limit).toMatchObject({ type: 'integer', minimum: 1, maximum: 200, default: 50 });
    expect(chain.parameters.required).toEqual(['id']);
  });
});

describe('every parameter of every query is checked', () => {
  it('rejects a wrong value for each parameter with 400 naming it, and an unknown parameter too', async () => {
    const catalogue = await loadCatalogue();
    for (const entry of [...catalogue.values()].filter(isEvidenceQuery)) {
      for (const param of Object.keys(entry.schema.shape)) {
        const { status, body } = await run(entry.name, { [param]: { not: 'a valid value' } });
        expect(status, `${entry.name}.${param}`).toBe(400);
        expect(
          body.errors.map((error: { field: string }) => error.field),
          `${entry.name}.${param}`,
        ).toContain(`params.${param}`);
      }
      const unknown = await run(entry.name, { notAParameter: 1 });
      expect(unknown.status, `${entry.name} unknown`).toBe(400);
    }
    expect((await run('no-such-query', {})).status).toBe(404);
    expect((await run('merge-nodes', { rows: [] })).status).toBe(404);
  });
});

describe('chain-of-command on the fixture', () => {
  it('ranks two concurrent chains by their weakest link, the confirmed one first though longer', async () => {
    const chains = await result('chain-of-command', { id: 'fx-camp', asOf: '2018-06-01' });
    expect(chains.paths.map((path) => [path.nodes, path.attributes.strength])).toEqual([
      [['fx-camp', 'fx-bureau', 'fx-county', 'fx-region', 'fx-centre', 'fx-leader-new'], 'confirmed'],
      [['fx-camp', 'fx-bureau', 'fx-region', 'fx-centre', 'fx-leader-new'], 'inferred'],
    ]);
    expect(chains.paths[1]!.attributes.weakestLinkId).toBe('fx-sub-bureau-direct');
  });

  it('drops a tenure that ended the day before the as-of date, and keeps it on its last day', async () => {
    const onLastDay = await result('chain-of-command', { id: 'fx-region', asOf: '2017-12-31' });
    const dayAfter = await result('chain-of-command', { id: 'fx-region', asOf: '2018-01-01' });
    expect(onLastDay.paths.map((path) => path.nodes.at(-1))).toEqual(['fx-leader-old']);
    expect(dayAfter.paths.map((path) => path.nodes.at(-1))).toEqual(['fx-leader-new']);
  });

  it('counts a detention only from its first day', async () => {
    const before = await result('chain-of-command', { id: 'fx-detainee', asOf: '2017-02-28' });
    const from = await result('chain-of-command', { id: 'fx-detainee', asOf: '2017-03-01' });
    expect(before.paths).toEqual([]);
    expect(from.paths[0]!.nodes.slice(0, 3)).toEqual(['fx-detainee', 'fx-camp', 'fx-bureau']);
  });

  it('walks a cycle of reporting lines without looping, and finds no chain where there is none', async () => {
    const looped = await result('chain-of-command', { id: 'fx-a' });
    expect(looped.paths.length).toBeGreaterThan(0);
    expect(looped.paths.every((path) => path.nodes.at(-2) === 'fx-centre')).toBe(true);
    // fx-a -> fx-b -> fx-a -> county ... : no relationship twice in a path.
    for (const path of looped.paths) expect(new Set(path.edges).size).toBe(path.edges.length);

    const orphan = await result('chain-of-command', { id: 'fx-orphan' });
    expect(orphan.paths).toEqual([]);
  });
});

describe('who-is-responsible', () => {
  it('lists every official above a facility on the date, heads first, each with its chain', async () => {
    const answer = await result('who-is-responsible', { id: 'fx-camp', asOf: '2018-06-01' });
    const officials = answer.paths.map((path) => [path.nodes.at(-1), path.attributes.head, path.attributes.distance]);
    expect(officials).toEqual([
      ['fx-chief', true, 0],
      ['fx-leader-new', true, 2],
      ['fx-leader-new', true, 3],
      ['fx-a', false, 1],
    ]);
    expect(answer.paths[0]!.attributes.strength).toBe('reported');
    expect(answer.nodes.map((node) => node.id)).not.toContain('fx-leader-old');
  });
});

describe('paths between nodes', () => {
  it('finds the shortest path and all shortest paths', async () => {
    // Through the command links only: the directive's links give another path just as short.
    const one = await result('shortest-path', { fromId: 'fx-detainee', toId: 'fx-centre', types: ['DETAINED_AT', 'OPERATES', 'SUBORDINATE_TO'] });
    expect(one.paths).toHaveLength(1);
    expect(one.paths[0]!.nodes).toEqual(['fx-detainee', 'fx-camp', 'fx-bureau', 'fx-region', 'fx-centre']);

    const all = await result('all-shortest-paths', { fromId: 'fx-bureau', toId: 'fx-centre', types: ['SUBORDINATE_TO'] });
    expect(all.paths.map((path) => path.nodes)).toEqual([['fx-bureau', 'fx-region', 'fx-centre']]);

    const none = await result('shortest-path', { fromId: 'fx-orphan', toId: 'fx-centre' });
    expect(none.paths).toEqual([]);
  });

  it('finds the connections two nodes share', async () => {
    const shared = await result('common-connections', { ids: ['fx-detainee', 'fx-guard'] });
    expect(shared.nodes.map((node) => node.id).sort()).toEqual(['fx-camp', 'fx-detainee', 'fx-guard']);
    const bad = await run('common-connections', { ids: ['fx-a'] });
    expect(bad.body.errors).toEqual([{ field: 'params.ids', reason: 'must name at least two nodes' }]);
  });
});

describe('directives, facilities, timelines, neighbourhoods, statistics', () => {
  it('follows a directive to its issuer, recipients, the facilities that applied it and what it invokes', async () => {
    const answer = await result('directive-propagation', { id: 'fx-dir-1' });
    const legs = answer.paths.map((path) => `${path.attributes.leg}:${path.nodes.join('>')}`).sort();
    expect(legs).toEqual([
      'addressed:fx-dir-1>fx-region',
      'applied:fx-dir-1>fx-camp',
      'invokes:fx-dir-1>fx-dir-2',
      'issued:fx-leader-new>fx-dir-1',
      'through:fx-dir-1>fx-region>fx-bureau>fx-camp',
      'through:fx-dir-1>fx-region>fx-county>fx-bureau>fx-camp',
    ]);
  });

  it('profiles a facility: operator, guards and detainees by year, reason and age band', async () => {
    const profile = await result('facility-profile', { id: 'fx-camp' });
    expect(profile.summary).toMatchObject({
      detentions: 1,
      guards: 1,
      byYear: [{ year: '2017', detainees: 1 }],
      byReason: [{ reason: 'fixture reason', detainees: 1 }],
      byAgeBand: [{ ageBand: '30-44', detainees: 1 }],
    });
    expect(profile.nodes.map((node) => node.id).sort()).toEqual(['fx-bureau', 'fx-camp', 'fx-guard']);
  });

  it("sums a seeded camp's detentions by year, reason and age band as counting each on its own does", async () => {
    // The query groups by all three at once and sums the groups; each summary is counted here alone.
    const id = 'syn-fac-00001';
    const counted = async (cypher: string) =>
      (await app.driver.executeQuery(`MATCH (:Facility {id: $id})<-[detention:DETAINED_AT]-(detainee:Detainee) ${cypher}`, { id })).records.map((record) =>
        record.toObject(),
      );
    const byYear = await counted("RETURN coalesce(toString(detention.from.year), 'unknown') AS year, toFloat(count(*)) AS detainees ORDER BY year");
    const byReason = await counted(
      "RETURN coalesce(detention.recordedReason, 'not recorded') AS reason, toFloat(count(*)) AS detainees ORDER BY detainees DESC, reason",
    );
    const ages = await counted('RETURN detainee.age AS age');
    const bands = ['under 18', '18-29', '30-44', '45-59', '60-74', '75 and over'];
    const band = (age: unknown) => (age === null ? 'unknown' : bands[[18, 30, 45, 60, 75, Infinity].findIndex((bound) => Number(age) < bound)]!);
    const bandCounts = new Map<string, number>();
    for (const { age } of ages) bandCounts.set(band(age), (bandCounts.get(band(age)) ?? 0) + 1);
    // Cypher orders strings by code point, as the default sort does.
    const byAgeBand = [...bandCounts.keys()].sort().map((ageBand) => ({ ageBand, detainees: bandCounts.get(ageBand) }));
    expect(ages.length).toBeGreaterThan(10);
    expect(byReason.length).toBeGreaterThan(1);

    const profile = await result('facility-profile', { id });
    expect(profile.summary.detentions).toBe(ages.length);
    expect(profile.summary.byYear).toEqual(byYear);
    expect(profile.summary.byReason).toEqual(byReason);
    expect(profile.summary.byAgeBand).toEqual(byAgeBand);
  });

  it('finds the facilities under a body, each by its shortest chain, nearest first', async () => {
    const under = async (id: string) =>
      (await result('facilities-under', { id })).paths.map((path) => ({
        chain: path.nodes.join('>'),
        distance: path.attributes.distance,
        strength: path.attributes.strength,
        weakest: path.attributes.weakestLinkId,
      }));
    expect(await under('fx-bureau')).toEqual([{ chain: 'fx-camp>fx-bureau', distance: 0, strength: 'confirmed', weakest: 'fx-operates' }]);
    // Two routes climb to the region: the inferred direct subordination is shorter, so it is the one shown.
    expect(await under('fx-region')).toEqual([{ chain: 'fx-camp>fx-bureau>fx-region', distance: 1, strength: 'inferred', weakest: 'fx-sub-bureau-direct' }]);
    expect(await under('fx-centre')).toEqual([
      { chain: 'fx-camp>fx-bureau>fx-region>fx-centre', distance: 2, strength: 'inferred', weakest: 'fx-sub-bureau-direct' },
    ]);
  });

  it('puts the dated events of several nodes in order', async () => {
    const timeline = await result('timeline', { ids: ['fx-leader-old', 'fx-leader-new', 'fx-dir-1'] });
    const events = timeline.paths.map((path) => {
      const event = path.attributes.event as { date: string; event: string; nodeId: string };
      return `${event.date} ${event.nodeId} ${event.event}`;
    });
    expect(events).toEqual([
      '2010-01-01 fx-leader-old HELD_POST start',
      '2017-12-31 fx-leader-old HELD_POST end',
      '2018-01-01 fx-leader-new HELD_POST start',
      '2018-02-01 fx-dir-1 ISSUED start',
      '2018-02-01 fx-dir-1 dated',
      '2018-02-01 fx-leader-new ISSUED start',
    ]);
  });

  it('expands a neighbourhood by type and direction, and says when the limit cut it', async () => {
    const incoming = await result('expand-neighbourhood', { id: 'fx-camp', direction: 'in' });
    expect(incoming.edges.map((edge) => edge.id).sort()).toEqual(['fx-applies', 'fx-assigned', 'fx-detained', 'fx-operates']);
    const detentions = await result('expand-neighbourhood', { id: 'fx-camp', types: ['DETAINED_AT'] });
    expect(detentions.edges.map((edge) => edge.id)).toEqual(['fx-detained']);
    const cut = await result('expand-neighbourhood', { id: 'fx-camp', limit: 2 });
    expect(cut.edges).toHaveLength(2);
    expect(cut.meta.truncated).toBe(true);
    expect((await run('expand-neighbourhood', { id: 'fx-camp', types: ['NOT_A_TYPE'] })).status).toBe(400);
  });

  it('counts the graph by label and relationship type', async () => {
    const stats = await result('graph-statistics', {});
    const reference = readReference();
    const labels = stats.summary.labels as Record<string, number>;
    expect(labels.Figure).toBe(reference.figures.length);
    expect(labels.Sanction).toBe(reference.people.reduce((sum, person) => sum + person.sanctions.length, 0));
    expect(labels.Detainee).toBeGreaterThanOrEqual(1_200);
    expect((stats.summary.relationshipTypes as Record<string, number>).INVOKES).toBeGreaterThanOrEqual(1);
  });

  it('offers as starting points the first detainee, facility and official by id that lead somewhere', async () => {
    // What the start page offers, picked here by matching every candidate and sorting them all; three
    // of each for a limit of 2, as the server asks one past a limit to tell whether it cut the answer.
    const first = async (cypher: string) =>
      (await app.driver.executeQuery(`${cypher} WITH DISTINCT node RETURN node.id AS id ORDER BY coalesce(node.synthetic, false), id LIMIT 3`)).records.map(
        (record) => record.get('id') as string,
      );
    const expected = {
      detainees: (
        await app.driver.executeQuery(
          'MATCH (node:Detainee)-[:DETAINED_AT]->(:Facility)<-[:OPERATES]-(:Organization) RETURN DISTINCT node.id AS id ORDER BY id LIMIT 3',
        )
      ).records.map((record) => record.get('id') as string),
      facilities: await first('MATCH (node:Facility)<-[:OPERATES]-(:Organization)'),
      officials: await first('MATCH (node:Official)-[:HELD_POST {head: true}]->(:Organization)'),
    };
    expect(expected.detainees).toHaveLength(3);
    // A detainee first by id but held nowhere leads nowhere: it is not offered.
    await app.driver.executeQuery(`CREATE (:Entity:Person:Detainee {id: 'fx-0-held-nowhere', name: 'Held Nowhere (synthetic)', ${provenance}})`);
    try {
      const offered = await result('starting-points', { limit: 2 });
      const picked = (label: string) => offered.nodes.filter((node) => node.labels.includes(label)).map((node) => node.id);
      expect({ detainees: picked('Detainee'), facilities: picked('Facility'), officials: picked('Official') }).toEqual(expected);
    } finally {
      await app.driver.executeQuery("MATCH (node {id: 'fx-0-held-nowhere'}) DELETE node");
    }
  });

  it('counts the synthetic records as a scan of every evidence node does', async () => {
    const scanned = async () => {
      const { records } = await app.driver.executeQuery(
        'RETURN COUNT { (n:Entity) WHERE n.synthetic = true } AS synthetic, COUNT { (n:Entity) WHERE n.synthetic IS NULL OR NOT n.synthetic IN [true, false] } AS unmarked',
      );
      return { synthetic: Number(records[0]!.get('synthetic')), unmarked: Number(records[0]!.get('unmarked')) };
    };
    // The query counts the nodes marked not synthetic and takes them from the whole: a node without the
    // mark would count as synthetic. Every write path marks each node (provenance.ts's default).
    expect((await scanned()).unmarked).toBe(0);
    // Other test files write to the same graph: compare only when nothing changed around the request.
    for (let attempt = 1; ; attempt++) {
      const before = await scanned();
      const shown = (await result('graph-statistics', {})).summary.syntheticNodes;
      const after = await scanned();
      if (before.synthetic !== after.synthetic && attempt < 10) continue;
      expect(before.synthetic).toBeGreaterThan(1_000);
      expect(shown).toBe(before.synthetic);
      break;
    }
  });
});
