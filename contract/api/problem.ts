// The error answer of every route: an application/problem+json document (RFC 9457), as the server
// writes it and the client reads it. Never a stack trace.
import { z } from 'zod';

/** One field of a request that was refused, named as the client sent it ("params.id", "q"). */
export const FieldProblem = z.object({ field: z.string(), reason: z.string() });
export type FieldProblem = z.infer<typeof FieldProblem>;

export const Problem = z.object({
  type: z.string().optional(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  /** On a 400: each field that was refused and why. */
  errors: z.array(FieldProblem).optional(),
});
export type Problem = z.infer<typeof Problem>;
