// The curated query catalogue over HTTP: GET /api/queries lists every read query with a JSON Schema
// of its parameters (the client builds its forms from it); POST /api/queries/:name runs one.
import { Router } from 'express';
import { z } from 'zod';
import type { QueryDescription, QueryParameters } from '../../../contract/api/queries.ts';
import type { CatalogueEntry } from '../../graph/catalogue.ts';
import { BadInput, NotFound } from '../../errors.ts';
import { currentUser } from '../auth-middleware.ts';
import type { Services } from '../services.ts';

/** A query's parameters as JSON Schema (what a client may send), each described by the .cypher header. */
export function parameterSchema(entry: CatalogueEntry): z.input<typeof QueryParameters> {
  const schema = z.toJSONSchema(entry.schema, { io: 'input', unrepresentable: 'any' }) as z.input<typeof QueryParameters>;
  for (const [name, description] of Object.entries(entry.params)) {
    const property = schema.properties?.[name];
    if (property) property.description = description;
  }
  return schema;
}

export function describeQuery(entry: CatalogueEntry): z.input<typeof QueryDescription> {
  return { name: entry.name, title: entry.title, description: entry.description, returns: entry.returns, parameters: parameterSchema(entry) };
}

/** The entity ids a query was asked about (`id`, `fromId`, `ids`...): what the audit log records. */
function idsIn(parameters: Record<string, unknown>): string[] {
  return Object.entries(parameters).flatMap(([key, value]) =>
    /ids?$/i.test(key) ? (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string') : [],
  );
}

const RunBody = z.object({ params: z.record(z.string(), z.unknown()).default({}) }).strict();

export function queryRoutes({ graph, answers }: Services): Router {
  // Only evidence queries are served: writes, and the app's own reads (views, imports), never are.
  const listing = graph.catalogue.evidence().map(describeQuery);
  const router = Router();

  router.get('/queries', (_req, res) => {
    res.json({ queries: listing });
  });

  router.post('/queries/:name', async (req, res) => {
    const query = graph.catalogue.evidenceNamed(req.params.name);
    if (!query) throw new NotFound(`No curated query named "${req.params.name}"`);
    const body = RunBody.safeParse(req.body ?? {});
    if (!body.success) throw BadInput.fromZod(body.error);
    const result = await answers.ask(
      currentUser(res),
      query,
      body.data.params,
      (checked) => ({ action: 'query', query: query.name, parameters: checked, targetIds: idsIn(checked) }),
      { fieldPrefix: 'params.' },
    );
    res.json(result);
  });

  return router;
}
