// The shapes the OpenAPI description is written in (server/http/openapi.ts and its per-area parts).
import { z } from 'zod';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Operation {
  method: Method;
  /** OpenAPI template: /api/nodes/{id}. */
  path: string;
  summary: string;
  tag: string;
  pathParams?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Status -> description, and the schema of a JSON answer when there is one. */
  responses: Record<number, { description: string; schema?: z.ZodType | 'Result'; mediaType?: string }>;
}

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
});

export interface ProblemResponse {
  description: string;
  schema: z.ZodType;
  mediaType: string;
}

/** An answer with a problem document (RFC 9457). */
export function problem(description: string): ProblemResponse {
  return { description, schema: Problem, mediaType: 'application/problem+json' };
}
