// GET /api/queries: the curated evidence queries, each with its parameters as JSON Schema, as the
// server lists them and the client builds a form for each.
import { z } from 'zod';

/** A query's parameters as z.toJSONSchema writes them (input side): the form reads `properties` and `required`. */
export const QueryParameters = z.object({
  properties: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  required: z.array(z.string()).default([]),
});

export const QueryDescription = z.object({
  /** The catalogue name: the URL segment of POST /api/queries/:name. */
  name: z.string(),
  title: z.string(),
  description: z.string(),
  returns: z.string(),
  parameters: QueryParameters,
});
export type QueryDescription = z.infer<typeof QueryDescription>;

export const QueryListing = z.object({ queries: z.array(QueryDescription) });
