// GET /api/chain/:id on the seed: a synthetic detainee's chain reaches the top leadership, with sources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Result } from '../../contract/result.ts';
import { startTestApp, type TestApp } from '../support/neo4j.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('GET /api/chain/:id', () => {
  it("climbs from a synthetic detainee through the facility's operator to the Central Committee and its General Secretary", async () => {
    const { status, body } = await app.get('/api/chain/syn-detainee-0000001');
    expect(status).toBe(200);
    const result = Result.parse(body);
    expect(result.paths.length).toBeGreaterThan(0);
    const [strongest] = result.paths;
    const edges = new Map(result.edges.map((edge) => [edge.id, edge]));
    const kinds = new Map(result.nodes.map((node) => [node.id, node.labels]));
    const steps = strongest!.edges.map((id) => edges.get(id)!);

    // detainee -DETAINED_AT-> facility <-OPERATES- bureau -SUBORDINATE_TO-> ... -> Central Committee <-HELD_POST- Xi Jinping
    expect(strongest!.nodes[0]).toBe('syn-detainee-0000001');
    expect(steps.map((edge) => edge.type)).toEqual(['DETAINED_AT', 'OPERATES', ...Array(steps.length - 3).fill('SUBORDINATE_TO'), 'HELD_POST']);
    expect(kinds.get(strongest!.nodes[1]!)).toContain('Facility');
    expect(strongest!.nodes).toContain('org_xuar_pc');
    expect(strongest!.nodes.slice(-2)).toEqual(['org_ccp_cc', 'xi_jinping']);
    expect(steps.at(-1)!.properties.title).toBe('General Secretary of the CCP Central Committee');
    // Each link joins the two nodes it stands between, whatever its stored direction.
    steps.forEach((edge, hop) => {
      expect([edge.source, edge.target].sort()).toEqual([strongest!.nodes[hop], strongest!.nodes[hop + 1]].sort());
    });

    // As strong as its weakest link, and the weakest link named is one of the chain's.
    const rank = { confirmed: 3, reported: 2, inferred: 1 } as const;
    const weakest = Math.min(...steps.map((edge) => rank[edge.properties.confidence as keyof typeof rank]));
    expect(rank[strongest!.attributes.strength as keyof typeof rank]).toBe(weakest);
    expect(strongest!.edges).toContain(strongest!.attributes.weakestLinkId);
    expect(rank[edges.get(strongest!.attributes.weakestLinkId as string)!.properties.confidence as keyof typeof rank]).toBe(weakest);
    // Strongest first.
    const strengths = result.paths.map((path) => rank[path.attributes.strength as keyof typeof rank]);
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
  });

  it('gives every link its sources and confidence, and resolves every cited document', async () => {
    const result = Result.parse((await app.get('/api/chain/syn-detainee-0000001')).body);
    for (const edge of result.edges) {
      const sources = edge.properties.sources as string[];
      expect(sources.length, `${edge.id} has sources`).toBeGreaterThan(0);
      expect(['confirmed', 'reported', 'inferred']).toContain(edge.properties.confidence);
      for (const documentId of sources) expect(result.citations[documentId], `${documentId} is cited`).toBeDefined();
    }
    expect(result.citations.s_simplewiki_xi?.url).toMatch(/^https:\/\//);
  });

  it('keeps synthetic records marked as synthetic', async () => {
    const result = Result.parse((await app.get('/api/chain/syn-detainee-0000001')).body);
    const detainee = result.nodes.find((node) => node.id === 'syn-detainee-0000001')!;
    expect(detainee.properties.synthetic).toBe(true);
    expect(detainee.properties.name).toMatch(/synthetic/i);
    expect(result.edges.find((edge) => edge.type === 'DETAINED_AT')!.properties.synthetic).toBe(true);
    expect(result.nodes.find((node) => node.id === 'xi_jinping')!.properties.synthetic).toBe(false);
  });

  it('counts the detention only from its first day', async () => {
    const anyTime = Result.parse((await app.get('/api/chain/syn-detainee-0000001')).body);
    const detention = anyTime.edges.find((edge) => edge.type === 'DETAINED_AT')!;
    const detainedFrom = detention.properties.from as string;
    const dayBefore = new Date(Date.parse(`${detainedFrom}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

    const onTheDay = Result.parse((await app.get(`/api/chain/syn-detainee-0000001?asOf=${detainedFrom}`)).body);
    const before = Result.parse((await app.get(`/api/chain/syn-detainee-0000001?asOf=${dayBefore}`)).body);
    expect(onTheDay.paths.map((path) => path.edges[0])).toContain(detention.id);
    expect(before.paths.flatMap((path) => path.edges)).not.toContain(detention.id);
  });

  it('uses only posts in force on the date: before Xi Jinping took office the chain has no General Secretary from the record', async () => {
    const result = Result.parse((await app.get('/api/chain/org_xuar_pc?asOf=2011-01-01')).body);
    expect(result.paths.length).toBeGreaterThan(0);
    expect(result.nodes.map((node) => node.id)).not.toContain('xi_jinping');
    expect(result.paths.every((path) => path.nodes.at(-1) === 'org_ccp_cc')).toBe(true);
  });

  it('returns the node alone, with no path, when nothing links it upward', async () => {
    const { status, body } = await app.get('/api/chain/s_icij_xpf');
    expect(status).toBe(200);
    const result = Result.parse(body);
    expect(result.paths).toEqual([]);
    expect(result.nodes.map((node) => node.id)).toEqual(['s_icij_xpf']);
  });

  // The chain route reads the node's own details only when no chain starts at it (fetch-chain.ts): a
  // chain's copy of its first node must then be the node, whole, with its sources cited, as its own page shows it.
  it('holds the node asked about as its own page does, with every document its sources name, chain or no chain', async () => {
    for (const id of ['syn-detainee-0000001', 'chen_quanguo', 'org_xuar_pc']) {
      const chain = Result.parse((await app.get(`/api/chain/${id}`)).body);
      const page = Result.parse((await app.get(`/api/nodes/${id}`)).body);
      const own = page.nodes.find((node) => node.id === id)!;
      expect(chain.paths.length, `${id} has a chain`).toBeGreaterThan(0);
      expect(
        chain.nodes.find((node) => node.id === id),
        id,
      ).toEqual(own);
      const sources = own.properties.sources as string[];
      expect(sources.length, `${id} names its sources`).toBeGreaterThan(0);
      for (const documentId of sources) expect(chain.citations[documentId], `${id}: ${documentId}`).toEqual(page.citations[documentId]);
    }
    // A node no chain starts at (a detainee's relative): still answered with its sources' documents.
    const alone = Result.parse((await app.get('/api/chain/syn-person-00000001')).body);
    expect(alone.paths).toEqual([]);
    const [relative] = alone.nodes;
    expect(relative!.id).toBe('syn-person-00000001');
    const cited = relative!.properties.sources as string[];
    expect(cited.length).toBeGreaterThan(0);
    for (const documentId of cited) expect(alone.citations[documentId], documentId).toBeDefined();
  });

  it('says when the limit cut the chains', async () => {
    const all = Result.parse((await app.get('/api/chain/chen_quanguo?asOf=2018-01-01')).body);
    expect(all.paths.length).toBeGreaterThan(1);
    expect(all.meta.truncated).toBe(false);
    const cut = Result.parse((await app.get('/api/chain/chen_quanguo?asOf=2018-01-01&limit=1')).body);
    expect(cut.paths).toHaveLength(1);
    expect(cut.meta.truncated).toBe(true);
  });

  it('answers 404 for an unknown id and 400 naming the bad field', async () => {
    const missing = await app.get('/api/chain/no-such-node');
    expect(missing.status).toBe(404);
    expect(missing.contentType).toContain('application/problem+json');

    const badDate = await app.get('/api/chain/syn-detainee-0000001?asOf=2018-13-45');
    expect(badDate.status).toBe(400);
    expect(badDate.body.errors.map((e: { field: string }) => e.field)).toEqual(['asOf']);

    const badLimit = await app.get('/api/chain/syn-detainee-0000001?limit=0');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.errors[0].field).toBe('limit');

    const badId = await app.get(`/api/chain/${encodeURIComponent("x' OR 1=1 //")}`);
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].field).toBe('id');
    expect(JSON.stringify(badId.body)).not.toMatch(/at \w+ \(|node_modules|Neo4jError/);
  });
});
