// /api/openapi.json: OpenAPI 3.1 from the routes' own zod schemas, covering every route the app answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { createApp } from '../../server/http/app.ts';
import { startTestApp, testDriver, type AnswerBody, type TestApp } from '../support/neo4j.ts';
import { apiRoutes } from '../support/route-table.ts';

let app: TestApp;
let document: AnswerBody;
beforeAll(async () => {
  app = await startTestApp();
  document = (await app.get('/api/openapi.json')).body;
});
afterAll(() => app.close());

function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refs(item, found);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push(inner);
      else refs(inner, found);
    }
  }
  return found;
}

describe('GET /api/openapi.json', () => {
  it('is OpenAPI 3.1 whose every reference resolves', () => {
    expect(document.openapi).toBe('3.1.0');
    const components = document.components.schemas;
    for (const ref of refs(document)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(components[ref.replace('#/components/schemas/', '')], ref).toBeDefined();
    }
  });

  it('describes every route the app answers, and no route it does not', async () => {
    const driver = testDriver();
    try {
      const routes = apiRoutes(createApp({ driver, catalogue: await loadCatalogue(), log: () => {} }));
      const described = new Set(
        Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods as object).map((method) => `${method} ${path}`)),
      );
      const answered = new Set<string>();
      for (const route of routes) {
        const template = route.path.replace(/:(\w+)/g, '{$1}');
        // POST /api/queries/:name is one route serving each curated query: it is described per query.
        if (template === '/api/queries/{name}') continue;
        answered.add(`${route.method} ${template}`);
        expect(described, `${route.method} ${template}`).toContain(`${route.method} ${template}`);
      }
      for (const operation of described) {
        if (operation.startsWith('post /api/queries/')) continue;
        expect(answered, operation).toContain(operation);
      }
    } finally {
      await driver.close();
    }
  });

  it('carries each curated query with the parameters zod checks', () => {
    const chain = document.paths['/api/queries/chain-of-command'].post;
    const body = document.components.schemas[chain.requestBody.content['application/json'].schema.$ref.split('/').pop()];
    expect(Object.keys(body.properties.params.properties).sort()).toEqual(['asOf', 'id', 'limit']);
    expect(body.properties.params.required).toEqual(['id']);
    expect(document.components.schemas.StableId.maxLength).toBe(200);
  });
});
