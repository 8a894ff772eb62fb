// Issue 10's redaction findings, each as the review reproduced it, on a fixture of three namesake
// detainees, their relative, their village and the records about them: a real name in the curated
// name search (1), the search oracle (6), a
// victim's links (7), documents named after the person (8), an analyst's searched name in a shared
// view (2), admin raw Cypher (3), and the audit log under REDACT=1. Then the security review's F3 (a
// victim's home through the paths and common connections that run over it) and F6 (counts of the
// links a viewer may not see).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnswerBody, startTestApp, testDriver, type Client, type TestApp } from '../support/neo4j.ts';
import { provenance } from '../fixtures/provenance.ts';

const ids = {
  detainees: ['test-redaction-d1', 'test-redaction-d2', 'test-redaction-d3'],
  relative: 'test-redaction-relative',
  village: 'test-redaction-village',
  camp: 'test-redaction-camp',
  /** Links village and camp without a victim: village <-LOCATED_IN- station -SUBORDINATE_TO-> bureau -OPERATES-> camp. */
  station: 'test-redaction-station',
  bureau: 'test-redaction-bureau',
  record: 'test-redaction-record',
  report: 'test-redaction-report',
};
const realName = 'Qwzzyx Namesake';
/** Values only the victims' records hold: none may reach a viewer. */
const personal = ['Qwzzyx', 'Namesake', 'Blorft', 'Vorpal', 'Grelk'];

let app: TestApp;
let analyst: Client;
let viewer: Client;
let admin: Client;
let redacted: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await app.driver.executeQuery("MATCH (n:Entity) WHERE n.id STARTS WITH 'test-redaction-' DETACH DELETE n", {}, { routing: 'WRITE' });
  await app.driver.executeQuery(
    `CREATE (record:Entity:Document {id: $ids.record, name: 'Detention record of Qwzzyx Namesake', collection: 'Test leak', confidence: 'confirmed', synthetic: false})
     CREATE (report:Entity:Document {id: $ids.report, name: 'Test Redaction Published Report', url: 'https://example.org/report', collection: 'Reports', confidence: 'confirmed', synthetic: false})
     CREATE (camp:Entity:Facility {id: $ids.camp, name: 'Test Redaction Camp', facilityType: 'camp', sources: [$ids.report], confidence: 'confirmed', synthetic: false})
     CREATE (village:Entity:Place {id: $ids.village, name: 'Test Redaction Village', placeType: 'village', ${provenance}})
     CREATE (relative:Entity:Person {id: $ids.relative, name: 'Blorft Kinsman', sources: [$ids.record], confidence: 'confirmed', synthetic: false})
     CREATE (relative)-[:RESIDES_IN {id: 'test-redaction-relative-home', ${provenance}}]->(village)
     CREATE (station:Entity:Organization {id: $ids.station, name: 'Test Redaction Police Station', level: 'township', orgType: 'public-security', ${provenance}})
     CREATE (bureau:Entity:Organization {id: $ids.bureau, name: 'Test Redaction Bureau', level: 'county', orgType: 'public-security', ${provenance}})
     CREATE (station)-[:LOCATED_IN {id: 'test-redaction-station-in', ${provenance}}]->(village)
     CREATE (station)-[:SUBORDINATE_TO {id: 'test-redaction-station-up', ${provenance}}]->(bureau)
     CREATE (bureau)-[:OPERATES {id: 'test-redaction-operates', ${provenance}}]->(camp)
     WITH camp, village, relative
     UNWIND $ids.detainees AS id
     CREATE (d:Entity:Person:Detainee {id: id, name: $realName, sources: [$ids.record], confidence: 'confirmed', synthetic: false})
     CREATE (d)-[:DETAINED_AT {id: id + '-detained', from: date('2018-03-01'), recordedReason: 'Vorpal reason', sources: [$ids.record], confidence: 'confirmed', synthetic: false}]->(camp)
     CREATE (d)-[:RESIDES_IN {id: id + '-home', sources: [$ids.record], confidence: 'confirmed', synthetic: false}]->(village)
     CREATE (relative)-[:RELATED_TO {id: id + '-kin', kinship: 'Grelk-kin', sources: [$ids.record], confidence: 'confirmed', synthetic: false}]->(d)`,
    { ids, realName },
    { routing: 'WRITE' },
  );
  analyst = await app.login('analyst', 'test-redaction-analyst');
  viewer = await app.login('viewer');
  admin = await app.login('admin');
  redacted = await startTestApp(testDriver(), { redactAll: true, role: 'admin' });
});
afterAll(async () => {
  await app.driver.executeQuery("MATCH (n:Entity) WHERE n.id STARTS WITH 'test-redaction-' DETACH DELETE n", {}, { routing: 'WRITE' });
  await redacted?.close();
  await app?.close();
});

function expectNoPersonal(answer: unknown, what: string): void {
  const text = JSON.stringify(answer);
  for (const value of personal) expect(text, `${what} carries "${value}"`).not.toContain(value);
}

const query = (client: Client, name: string, params: Record<string, unknown>) => client.post(`/api/queries/${name}`, { params });

describe('finding 1: a real name typed into the curated name search', () => {
  it('finds the detainees for an analyst and not one of them, under any name, for a viewer', async () => {
    const idsIn = (answer: { body: unknown }) => ids.detainees.filter((id) => JSON.stringify(answer.body).includes(id));
    const asked = { query: realName, limit: 20 };
    expect(idsIn(await query(analyst, 'full-text-names', asked))).toEqual(ids.detainees);
    const posted = await query(viewer, 'full-text-names', asked);
    expect(posted.status).toBe(200);
    expect(idsIn(posted)).toEqual([]);
    expect(posted.body.nodes.filter((node: { labels: string[] }) => node.labels.includes('Detainee'))).toEqual([]);
    expectNoPersonal(posted.body, 'POST full-text-names');
    // Under REDACT=1 an admin searches as a viewer does.
    expect(idsIn(await query(redacted, 'full-text-names', asked))).toEqual([]);
  });
});

describe('finding 6: search is no oracle, meta and cost included', () => {
  it('answers a viewer the same for a real name as for a made-up one', async () => {
    const found = await analyst.get(`/api/search?q=${encodeURIComponent(realName)}&limit=2`);
    expect(found.body.meta.truncated).toBe(true);
    const same = (answer: { body: { meta: { durationMs?: number } } }) => ({ ...answer.body, meta: { ...answer.body.meta, durationMs: 0 } });
    const real = await viewer.get(`/api/search?q=${encodeURIComponent(realName)}&limit=2`);
    const madeUp = await viewer.get(`/api/search?q=${encodeURIComponent('Xqjvbnm Nonesuch')}&limit=2`);
    expect(real.status).toBe(200);
    expect(same(real)).toEqual(same(madeUp));
    const posted = await query(viewer, 'full-text-names', { query: realName, limit: 2 });
    expect(same(posted)).toEqual(same(await query(viewer, 'full-text-names', { query: 'Xqjvbnm Nonesuch', limit: 2 })));
    expectNoPersonal(posted.body, 'POST full-text-names');
  });
});

describe('finding 7: a victim’s home and family are withheld with the link that says so', () => {
  it('expands a detainee for a viewer without the village, the relative or the reason', async () => {
    const full = await query(analyst, 'expand-neighbourhood', { id: ids.detainees[0] });
    expect(full.body.edges.map((edge: { type: string }) => edge.type).sort()).toEqual(['DETAINED_AT', 'RELATED_TO', 'RESIDES_IN']);
    const shown = await query(viewer, 'expand-neighbourhood', { id: ids.detainees[0] });
    expect(shown.status).toBe(200);
    expect(shown.body.edges.map((edge: { type: string }) => edge.type)).toEqual(['DETAINED_AT']);
    const nodeIds = shown.body.nodes.map((node: { id: string }) => node.id);
    expect(nodeIds).not.toContain(ids.village);
    expect(nodeIds).not.toContain(ids.relative);
    expectNoPersonal(shown.body, 'expand-neighbourhood');
    // Nor through what two victims share: their village.
    const common = await query(viewer, 'common-connections', { ids: [ids.detainees[0], ids.relative] });
    expect(JSON.stringify(common.body)).not.toContain(ids.village);
    // Nor from the village's side: who lives there.
    const residents = await query(viewer, 'expand-neighbourhood', { id: ids.village });
    expect(residents.body.nodes.map((node: { id: string }) => node.id)).not.toContain(ids.detainees[0]);
  });
});

describe('F3: a victim’s home through the paths and common connections that run over it', () => {
  const nodeIds = (answer: { body: { nodes: { id: string }[] } }) => answer.body.nodes.map((node) => node.id);
  const detaineesIn = (answer: { body: unknown }) => ids.detainees.filter((id) => JSON.stringify(answer.body).includes(id));

  it('gives an analyst the detainees a village and a camp share, and a viewer (or anyone under REDACT=1) none of them', async () => {
    const betweenVillageAndCamp = { ids: [ids.village, ids.camp] };
    expect(detaineesIn(await query(analyst, 'common-connections', betweenVillageAndCamp))).toEqual(ids.detainees);
    for (const [who, client] of [
      ['viewer', viewer],
      ['REDACT=1 admin', redacted],
    ] as const) {
      const common = await query(client, 'common-connections', betweenVillageAndCamp);
      expect(common.status, who).toBe(200);
      // Nothing links both but the detainees' homes: no common connection at all, not one emptied after the fact.
      expect(common.body.nodes, who).toEqual([]);
      expect(common.body.meta.truncated, who).toBe(false);
      // Nor through the relative's family links: the relative and the camp share only the detainees.
      const kin = await query(client, 'common-connections', { ids: [ids.relative, ids.camp] });
      expect(kin.body.nodes, who).toEqual([]);
    }
    expect(detaineesIn(await query(analyst, 'common-connections', { ids: [ids.relative, ids.camp] }))).toEqual(ids.detainees);
  });

  it('finds an analyst the path through a detainee’s home, and a viewer only the paths over links it may see', async () => {
    const short = { fromId: ids.village, toId: ids.camp, maxDepth: 2 };
    const analystPath = await query(analyst, 'shortest-path', short);
    expect(analystPath.body.paths).toHaveLength(1);
    expect(ids.detainees).toContain(analystPath.body.paths[0].nodes[1]);
    expect(detaineesIn(await query(analyst, 'all-shortest-paths', short))).toEqual(ids.detainees);
    const deep = { fromId: ids.village, toId: ids.camp, maxDepth: 6 };
    for (const [who, client] of [
      ['viewer', viewer],
      ['REDACT=1 admin', redacted],
    ] as const) {
      for (const name of ['shortest-path', 'all-shortest-paths']) {
        // Two links long, every path runs through a detainee's home: none is found.
        const none = await query(client, name, short);
        expect(none.status, `${who} ${name}`).toBe(200);
        expect(none.body, `${who} ${name}`).toMatchObject({ nodes: [], edges: [], paths: [] });
        expect(none.body.meta.truncated, `${who} ${name}`).toBe(false);
        // Deeper, the path over what the reader may see: through the police station and its bureau, not a detainee.
        const seen = await query(client, name, deep);
        expect(
          seen.body.paths.map((path: { nodes: string[] }) => path.nodes),
          `${who} ${name}`,
        ).toEqual([[ids.village, ids.station, ids.bureau, ids.camp]]);
        expect(detaineesIn(seen), `${who} ${name}`).toEqual([]);
      }
      const kin = await query(client, 'shortest-path', { fromId: ids.relative, toId: ids.camp });
      expect(nodeIds(kin), who).toEqual([]);
    }
  });
});

describe('F6: counts of the links a viewer may not see', () => {
  type Count = { type: string; out: number; in: number };
  const counts = async (client: Client, id: string) =>
    ((await query(client, 'relationship-counts', { id })).body.summary.relationshipCounts as Count[] | undefined)?.map(
      (count) => `${count.type} out ${count.out} in ${count.in}`,
    );

  it('counts for a viewer only the links it receives, a detainee’s and a village’s', async () => {
    expect(await counts(analyst, ids.detainees[0]!)).toEqual(['DETAINED_AT out 1 in 0', 'RELATED_TO out 0 in 1', 'RESIDES_IN out 1 in 0']);
    expect(await counts(analyst, ids.village)).toEqual(['LOCATED_IN out 0 in 1', 'RESIDES_IN out 0 in 4']);
    for (const [who, client] of [
      ['viewer', viewer],
      ['REDACT=1 admin', redacted],
    ] as const) {
      expect(await counts(client, ids.detainees[0]!), who).toEqual(['DETAINED_AT out 1 in 0']);
      expect(await counts(client, ids.village), who).toEqual(['LOCATED_IN out 0 in 1']);
      expect(await counts(client, ids.relative), who).toEqual([]);
    }
  });

  it('says an expansion was cut only by links the reader would receive', async () => {
    const cut = (client: Client, id: string, types: string[]) => query(client, 'expand-neighbourhood', { id, types, limit: 1 });
    expect((await cut(analyst, ids.relative, ['RELATED_TO'])).body.meta.truncated).toBe(true);
    expect((await cut(analyst, ids.village, [])).body.meta.truncated).toBe(true);
    for (const [who, client] of [
      ['viewer', viewer],
      ['REDACT=1 admin', redacted],
    ] as const) {
      const family = await cut(client, ids.relative, ['RELATED_TO']);
      expect(family.body, who).toMatchObject({ nodes: [], edges: [], meta: { truncated: false } });
      // The village's first link may be a detainee's home: the page holds the one link a viewer sees, uncut.
      const village = await cut(client, ids.village, []);
      expect(
        village.body.edges.map((edge: { id: string }) => edge.id),
        who,
      ).toEqual(['test-redaction-station-in']);
      expect(village.body.meta.truncated, who).toBe(false);
    }
  });
});

describe('finding 8: documents named after the person', () => {
  it('give a viewer a neutral title for a record about a victim, and the title of a published report', async () => {
    expect((await analyst.get(`/api/nodes/${ids.detainees[0]}`)).body.citations[ids.record].name).toContain(realName);
    const details = await viewer.get(`/api/nodes/${ids.detainees[0]}`);
    expect(details.body.citations[ids.record].name).toMatch(/^Document [0-9A-F]{4}-[0-9A-F]{4} \(title withheld\)$/);
    expectNoPersonal(details.body, 'node details');
    const record = await viewer.get(`/api/nodes/${ids.record}`);
    expect(record.status).toBe(200);
    expectNoPersonal(record.body, 'the record itself');
    const camp = await viewer.get(`/api/nodes/${ids.camp}`);
    expect(camp.body.citations[ids.report].name).toBe('Test Redaction Published Report');
  });
});

describe('finding 2: a shared view carries no analyst’s searched name, title or notes to a viewer', () => {
  it('withholds them on every view route, and the owner keeps their own words', async () => {
    const created = await analyst.post('/api/views', {
      title: `${realName} case file`,
      notes: `${realName} was seen in the village`,
      query: { name: 'full-text-names', parameters: { query: realName, limit: 20 } },
      elements: { nodes: [ids.detainees[0], ids.village, ids.camp], edges: [`${ids.detainees[0]}-home`, `${ids.detainees[0]}-detained`] },
      positions: {},
      layout: 'preset',
      viewport: { zoom: 1, pan: { x: 0, y: 0 } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { id, shareId } = created.body.view;
    expect((await analyst.put(`/api/views/${id}/visibility`, { visibility: 'shared' })).status).toBe(200);
    for (const path of [
      `/api/views/${id}`,
      `/api/views/shared/${shareId}`,
      `/api/views/${id}/versions`,
      `/api/views/${id}/versions/1`,
      '/api/views?limit=200',
    ]) {
      const answer = await viewer.get(path);
      expect(answer.status, path).toBe(200);
      expectNoPersonal(answer.body, path);
    }
    // A chain report made from the view prints its title and notes as the view opens for the reader: for a
    // viewer, and for everyone under REDACT=1, another analyst's are withheld.
    for (const [reader, who] of [
      [viewer, 'viewer'],
      [redacted, 'admin under REDACT=1'],
    ] as const) {
      const report = await reader.get(`/api/export/chain/${ids.camp}/report?view=${id}`);
      expect(report.status, who).toBe(200);
      expect(report.body, who).toContain('(title withheld)');
      expectNoPersonal(report.body, `a report of the view for an ${who}`);
    }
    // The view's file holds every version's words: under REDACT=1 only its owner exports it.
    expect((await redacted.get(`/api/views/${id}/export`)).status).toBe(403);
    const opened = (await viewer.get(`/api/views/shared/${shareId}`)).body;
    expect(opened.document.query).toEqual({ name: 'full-text-names', parameters: { limit: 20 } });
    // Not even the ids: the village and the link to it are nowhere in the answer, meta included.
    expect(JSON.stringify(opened)).not.toContain(ids.village);
    expect(JSON.stringify(opened)).not.toContain(`${ids.detainees[0]}-home`);
    // Nor whom the search found: the detainee the real name picked goes too (the camp stays).
    expect(JSON.stringify(opened)).not.toContain(ids.detainees[0]);
    expect(opened.document.elements.nodes).toEqual([ids.camp]);
    expect((await analyst.get(`/api/views/${id}`)).body.document.elements.nodes).toContain(ids.detainees[0]);
    expect((await analyst.get(`/api/views/${id}`)).body.document.title).toBe(`${realName} case file`);
  });
});

describe('a shared view saved from a question that went through withheld links', () => {
  it('keeps from a viewer the detainees it found, where the view of a camp keeps them', async () => {
    const save = async (query: { name: string; parameters: Record<string, unknown> }) => {
      const created = await analyst.post('/api/views', {
        title: 'Test shared question',
        notes: '',
        query,
        elements: { nodes: [ids.detainees[0], ids.village, ids.camp], edges: [`${ids.detainees[0]}-detained`] },
        positions: {},
        layout: 'preset',
        viewport: { zoom: 1, pan: { x: 0, y: 0 } },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect((await analyst.put(`/api/views/${created.body.view.id}/visibility`, { visibility: 'shared' })).status).toBe(200);
      return created.body.view.id as string;
    };
    // Which detainees the village and the camp have in common is where they live: the view's query says which village.
    const common = await save({ name: 'common-connections', parameters: { ids: [ids.village, ids.camp] } });
    const nodeIds = (answer: { body: AnswerBody }) => (answer.body.graph.nodes as AnswerBody[]).map((node) => node.id as string);
    expect(nodeIds(await analyst.get(`/api/views/${common}`))).toContain(ids.detainees[0]);
    for (const [reader, who] of [
      [viewer, 'viewer'],
      [redacted, 'admin under REDACT=1'],
    ] as const) {
      const opened = await reader.get(`/api/views/${common}`);
      expect(opened.status, who).toBe(200);
      expect(JSON.stringify(opened.body), who).not.toContain(ids.detainees[0]);
      expect(nodeIds(opened), who).toContain(ids.camp);
    }
    // Held in the camp is disclosed: a view of the camp's neighbourhood keeps the detainee, pseudonymised.
    const camp = await save({ name: 'expand-neighbourhood', parameters: { id: ids.camp } });
    expect(nodeIds(await viewer.get(`/api/views/${camp}`))).toContain(ids.detainees[0]);
  });
});

describe('finding 3: admin raw Cypher stays inside the evidence graph', () => {
  it('refuses the app’s own records, scans of every node, internal ids, cache clearing and administration', async () => {
    for (const cypher of [
      'MATCH (u:_User) RETURN u.passwordHash',
      'MATCH (s:_Session) RETURN s.csrfToken',
      'MATCH (v:_View) RETURN v',
      'MATCH (n) WHERE n.passwordHash IS NOT NULL RETURN count(n) AS hashes',
      'MATCH (n) WHERE id(n) = 0 RETURN n',
      'MATCH (o:Official) RETURN o, COUNT { (:_User) } AS users',
      'CALL db.clearQueryCaches()',
      'CALL dbms.listConfig()',
      'SHOW TRANSACTIONS',
      "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
      "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    ]) {
      const answer = await admin.post('/api/admin/cypher', { cypher });
      expect(answer.status, cypher).toBe(400);
      expect(answer.body.detail, cypher).toMatch(/^Refused: /);
      expect(JSON.stringify(answer.body), cypher).not.toMatch(/\$argon2/);
    }
  });

  it('still answers reads of the evidence, and is off under REDACT=1', async () => {
    const answer = await admin.post('/api/admin/cypher', { cypher: 'MATCH (d:Detainee {id: $id}) RETURN d', parameters: { id: ids.detainees[0] } });
    expect(answer.status).toBe(200);
    expect((await admin.post('/api/admin/cypher', { cypher: 'CALL db.labels()' })).status).toBe(200);
    const off = await redacted.post('/api/admin/cypher', { cypher: 'MATCH (d:Detainee {id: $id}) RETURN d.name', parameters: { id: ids.detainees[0] } });
    expect(off.status).toBe(403);
    expectNoPersonal(off.body, 'admin Cypher under REDACT=1');
  });
});

describe('the audit log under REDACT=1', () => {
  it('keeps a name a client put in an export’s meta from an admin', async () => {
    const client = await redacted.login('analyst', 'test-redaction-audited');
    const result = (await analyst.get(`/api/nodes/${ids.camp}`)).body;
    const exported = await client.post('/api/export/csv?part=nodes', { result: { ...result, meta: { ...result.meta, query: realName } } });
    expect(exported.status).toBe(200);
    const userId = (await client.get('/api/auth/session')).body.user.id;
    const log = await redacted.get(`/api/audit?userId=${userId}&limit=100`);
    expect(log.body.entries.map((entry: { action: string }) => entry.action)).toContain('export');
    expectNoPersonal(log.body, 'GET /api/audit');
    expectNoPersonal(await (await redacted.fetch(`/api/audit/export?format=jsonl&userId=${userId}`)).text(), 'audit export');
  });
});

describe('imports under REDACT=1', () => {
  it('are off for every account: a preview would name the graph’s person behind a guessed ID number', async () => {
    const client = await redacted.login('analyst', 'test-redaction-importer');
    const upload = await client.fetch('/api/imports/uploads', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent('probe.csv') },
      body: new Uint8Array(Buffer.from(`姓名,身份证号\n某某,650102194701011234\n`)),
    });
    expect(upload.status).toBe(403);
    const listed = await redacted.get('/api/imports');
    expect(listed.status).toBe(403);
    expect(listed.body.detail).toMatch(/^Imports are off under REDACT=1/);
    expectNoPersonal(await upload.text(), 'an upload under REDACT=1');
    // Without REDACT=1 an analyst imports as before.
    expect((await analyst.get('/api/imports')).status).toBe(200);
  });
});
