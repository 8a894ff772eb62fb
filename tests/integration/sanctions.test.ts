// Sanctions cross-reference on the real Neo4j and seed: who in a chain of command is sanctioned (by
// whom, when, under which measure, with its sources) and who is not, as the public record states it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Result } from '../../contract/result.ts';
import { startTestApp, type Client, type TestApp } from '../support/neo4j.ts';

interface RecordSanction {
  authority: string;
  program?: string;
  date?: string;
  measures?: string;
  source_ids: string[];
}
interface RecordPerson {
  id: string;
  sanctions: RecordSanction[];
}
/** The public record the seed was written from: the test's expectations come from it, not from a list kept here. */
const record = JSON.parse(readFileSync(new URL('../../seed/public-record.json', import.meta.url), 'utf8')) as { people: RecordPerson[] };
const personOf = (id: string) => record.people.find((person) => person.id === id)!;

let app: TestApp;
let viewer: Client;

beforeAll(async () => {
  app = await startTestApp();
  viewer = await app.login('viewer');
});
afterAll(async () => {
  await app.close();
});

describe('sanctions in a chain of command', () => {
  it('names who in Chen Quanguo’s chain is sanctioned, by whom, when and under which measure, and who is not', async () => {
    const answer = await app.get('/api/chain/chen_quanguo/sanctions');
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
    const result = Result.parse(answer.body);
    expect(result.paths.length).toBeGreaterThan(0);
    const members = new Set(
      result.paths
        .flatMap((path) => path.nodes)
        .filter((id) => result.nodes.find((node) => node.id === id)!.labels.some((label) => label === 'Person' || label === 'Organization')),
    );
    const sanctioned = result.summary.sanctioned as string[];
    const notSanctioned = result.summary.notSanctioned as string[];
    // Every member of the chain is answered for, once.
    expect(new Set([...sanctioned, ...notSanctioned])).toEqual(members);
    expect(sanctioned.filter((id) => notSanctioned.includes(id))).toEqual([]);

    // Each person of the record on the chain is sanctioned here exactly when the record lists a sanction.
    for (const id of members) {
      const person = record.people.find((candidate) => candidate.id === id);
      if (person) expect(sanctioned.includes(id), id).toBe(person.sanctions.length > 0);
    }
    expect(sanctioned).toContain('chen_quanguo');
    expect(notSanctioned).toContain('xi_jinping');

    // Who, when and under which measure, as the record states it, with its sources cited.
    const designations = result.edges.filter((edge) => edge.type === 'SANCTIONED_UNDER' && edge.source === 'chen_quanguo');
    const stated = personOf('chen_quanguo').sanctions;
    expect(designations).toHaveLength(stated.length);
    const sanctions = designations.map((edge) => result.nodes.find((node) => node.id === edge.target)!.properties);
    for (const listed of stated) {
      const found = sanctions.find((sanction) => sanction.authority === listed.authority && sanction.program === listed.program);
      expect(found, `${listed.authority}: ${listed.program}`).toBeDefined();
      expect(found!.date).toBe(listed.date);
      expect(found!.measures).toBe(listed.measures);
      for (const source of listed.source_ids) expect(result.citations[source], source).toBeDefined();
    }
  });

  it('answers the same listings to a viewer (officials are not protected), and refuses an unknown start', async () => {
    const forViewer = Result.parse((await viewer.get('/api/chain/chen_quanguo/sanctions')).body);
    expect(forViewer.summary.sanctioned).toContain('chen_quanguo');
    expect(forViewer.summary.notSanctioned).toContain('xi_jinping');
    expect((await app.get('/api/chain/test-sanctions-nobody/sanctions')).status).toBe(404);
  });

  it('serves the lookup as a curated query for any list of ids', async () => {
    const answer = await app.post('/api/queries/sanctions-of', { params: { ids: ['chen_quanguo', 'xi_jinping'] } });
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
    expect(answer.body.summary).toMatchObject({ sanctioned: ['chen_quanguo'], notSanctioned: ['xi_jinping'] });
    const tooMany = await app.post('/api/queries/sanctions-of', { params: { ids: [] } });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('ids');
  });
});

describe('sanctions in the evidence report', () => {
  it('lists who is sanctioned, by whom and under which measure, and who is not', async () => {
    const response = await app.fetch('/api/export/chain/chen_quanguo/report?sanctions=include');
    expect(response.status).toBe(200);
    const report = await response.text();
    const section = report.slice(report.indexOf('## Sanctions'), report.indexOf('## Documents cited'));
    expect(section).toContain('## Sanctions');
    for (const listed of personOf('chen_quanguo').sanctions) {
      expect(section).toContain(listed.authority);
      if (listed.measures) expect(section).toContain(listed.measures);
    }
    expect(section.slice(section.indexOf('Not sanctioned'))).toContain('xi_jinping');
    // Without asking, the report is the plain chain report.
    const plain = await (await app.fetch('/api/export/chain/chen_quanguo/report')).text();
    expect(plain).not.toContain('## Sanctions');
    expect((await app.fetch('/api/export/chain/chen_quanguo/report?sanctions=yes')).status).toBe(400);
  });
});
