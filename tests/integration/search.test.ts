// GET /api/search on the seed: names in Latin script, Chinese characters and pinyin; hostile input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Result } from '../../cypher/result.ts';
import { startTestApp, type TestApp } from '../support/neo4j.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const idsFor = async (q: string) => Result.parse((await app.get(`/api/search?q=${encodeURIComponent(q)}`)).body).nodes.map((node) => node.id);

describe('GET /api/search', () => {
  it('finds an official by Latin name, case-insensitively, and by a prefix', async () => {
    expect((await idsFor('chen quanguo'))[0]).toBe('chen_quanguo');
    expect(await idsFor('Quang')).toContain('chen_quanguo');
  });

  it('finds an official by Chinese characters', async () => {
    expect((await idsFor('陈全国'))[0]).toBe('chen_quanguo');
    expect((await idsFor('朱海仑'))[0]).toBe('zhu_hailun');
  });

  it('finds an official by pinyin with tone marks and an organisation by its Chinese name', async () => {
    expect(await idsFor('Zhū Hǎilún')).toContain('zhu_hailun');
    expect(await idsFor('特克斯县')).toContain('org_tekes_county');
  });

  it('finds synthetic detainees, which say they are synthetic', async () => {
    const result = Result.parse((await app.get('/api/search?q=synthetic%20detainee&limit=50')).body);
    const detainees = result.nodes.filter((node) => node.labels.includes('Detainee'));
    expect(detainees.length).toBeGreaterThan(0);
    expect(detainees.every((node) => node.properties.synthetic === true)).toBe(true);
  });

  it('honours the limit and says the answer was cut', async () => {
    const result = Result.parse((await app.get('/api/search?q=synthetic&limit=2')).body);
    expect(result.nodes).toHaveLength(2);
    expect(result.meta.truncated).toBe(true);
  });

  it('treats query syntax as text: no error, no injection', async () => {
    for (const hostile of ['chen AND (', '"unclosed', 'a:b OR *', "x' }) MATCH (n) DETACH DELETE n //", '\\', '~~~', '[1 TO 2]']) {
      const { status, body } = await app.get(`/api/search?q=${encodeURIComponent(hostile)}`);
      expect(status, hostile).toBe(200);
      expect(Result.safeParse(body).success).toBe(true);
    }
    expect((await idsFor('chen quanguo'))[0]).toBe('chen_quanguo');
  });

  it('answers 400 naming q or limit, with the reason', async () => {
    const missing = await app.get('/api/search');
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ field: 'q', reason: expect.any(String) }]);

    const blank = await app.get('/api/search?q=%20%20');
    expect(blank.status).toBe(400);
    expect(blank.body.errors[0]).toEqual({ field: 'q', reason: 'must not be empty' });

    const long = await app.get(`/api/search?q=${'x'.repeat(201)}`);
    expect(long.body.errors[0]).toEqual({ field: 'q', reason: 'must be at most 200 characters' });

    for (const limit of ['0', '101', '2.5', 'ten']) {
      const bad = await app.get(`/api/search?q=chen&limit=${limit}`);
      expect(bad.status, limit).toBe(400);
      expect(bad.body.errors[0].field).toBe('limit');
    }
    const repeated = await app.get('/api/search?q=a&q=b');
    expect(repeated.status).toBe(400);
    expect(repeated.body.errors[0].field).toBe('q');
  });
});
