// GET /api/nodes/:id: labels, properties and resolved sources; 404 and 400 as problem documents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Result } from '../../contract/result.ts';
import { startTestApp, type TestApp } from '../support/neo4j.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('GET /api/nodes/:id', () => {
  it('returns an official with labels, names in every script, tenures and the documents behind them', async () => {
    const { status, body } = await app.get('/api/nodes/chen_quanguo');
    expect(status).toBe(200);
    const result = Result.parse(body);
    const official = result.nodes.find((node) => node.id === 'chen_quanguo')!;
    expect(official.labels).toEqual(['Entity', 'Official', 'Person']);
    expect(official.properties).toMatchObject({ name: 'Chen Quanguo', nameZh: '陈全国', pinyin: 'Chén Quánguó', synthetic: false });
    // Posts held, each with its organisation, dates and title.
    const posts = result.edges.filter((edge) => edge.type === 'HELD_POST' && edge.source === 'chen_quanguo');
    expect(posts.map((post) => post.target)).toContain('org_xuar_pc');
    expect(posts.find((post) => post.target === 'org_xuar_pc')!.properties).toMatchObject({ from: '2016-08-29', to: '2021-12-25' });
    // Every document cited by the official or a tenure is resolved.
    const tenures = result.edges.filter((edge) => edge.source === 'chen_quanguo');
    expect(tenures.map((edge) => edge.type)).toContain('SANCTIONED_UNDER');
    const cited = new Set([official, ...tenures].flatMap((element) => element.properties.sources as string[]));
    expect(Object.keys(result.citations).sort()).toEqual([...cited].sort());
    expect(Object.values(result.citations).every((citation) => citation.name.length > 0)).toBe(true);
  });

  it('returns an organisation with its level and confidence', async () => {
    const result = Result.parse((await app.get('/api/nodes/org_xuar_stability_hq')).body);
    expect(result.nodes.find((node) => node.id === 'org_xuar_stability_hq')!.properties).toMatchObject({
      level: 'region',
      confidence: 'inferred',
      nameZh: '自治区维稳指挥部',
    });
  });

  it('answers 404 as a problem document for an unknown id', async () => {
    const { status, contentType, body } = await app.get('/api/nodes/nobody');
    expect(status).toBe(404);
    expect(contentType).toContain('application/problem+json');
    expect(body).toMatchObject({ status: 404, title: 'Not found', detail: 'No node with id "nobody"' });
  });

  it('answers 400 naming id for an id that cannot be one', async () => {
    const { status, body } = await app.get(`/api/nodes/${encodeURIComponent('a b')}`);
    expect(status).toBe(400);
    expect(body.errors[0].field).toBe('id');
    const long = await app.get(`/api/nodes/${'a'.repeat(201)}`);
    expect(long.body.errors[0]).toEqual({ field: 'id', reason: 'must be at most 200 characters' });
  });

  it('answers 404 as a problem document for an unknown API route', async () => {
    const { status, body } = await app.get('/api/nothing-here');
    expect(status).toBe(404);
    expect(body.title).toBe('Not found');
  });
});
