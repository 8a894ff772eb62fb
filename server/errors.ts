// The typed errors every layer throws; http/problem-handler.ts turns each into a problem document
// (contract/api/problem.ts). Never a stack trace, never a driver message: those can leak the query
// or the server's layout.
import type { z } from 'zod';
import type { FieldProblem } from '../contract/api/problem.ts';

export type { FieldProblem };

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldProblem[],
  ) {
    super(detail);
  }
}

export class BadInput extends HttpProblem {
  constructor(errors: FieldProblem[]) {
    super(400, 'Bad input', errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors);
  }

  static fromZod(error: z.ZodError, prefix = ''): BadInput {
    return new BadInput(
      error.issues.map((issue) => ({
        field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
        reason: issue.message,
      })),
    );
  }
}

/** `value` as `schema` reads it, or a 400 naming each field (under `prefix`) and why, as `toProblem` words it. */
export function parseInput<T>(
  schema: z.ZodType<T>,
  value: unknown,
  prefix = '',
  toProblem: (error: z.ZodError, prefix: string) => BadInput = BadInput.fromZod,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw toProblem(parsed.error, prefix);
  return parsed.data;
}

export class NotFound extends HttpProblem {
  constructor(detail: string) {
    super(404, 'Not found', detail);
  }
}

export class GraphUnavailable extends HttpProblem {
  constructor(detail = 'Neo4j is not reachable right now; the request was not run. Try again shortly.') {
    super(503, 'Graph database unavailable', detail);
  }
}

export class QueryTimedOut extends HttpProblem {
  constructor() {
    super(504, 'Query timed out', 'The query ran past its time limit and was stopped. Narrow it (a lower limit, a closer date).');
  }
}

/** A submitted export past the limits of contract/api/export.ts: the detail names the limit. */
export class ExportTooLarge extends HttpProblem {
  constructor(detail: string) {
    super(413, 'Export too large', detail);
  }
}

/** Rendering an export ran past the request's budget (or the export workers are all taken). */
export class ExportUnavailable extends HttpProblem {
  constructor(status: 503 | 504, detail: string) {
    super(status, status === 504 ? 'Export timed out' : 'Export service busy', detail);
  }
}

/** Driver errors that mean "no connection to the database", not "this query failed" or "the pool is busy". */
const CONNECTION_FAILURES = new Set(['ServiceUnavailable', 'SessionExpired', 'ProtocolError']);

export function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && CONNECTION_FAILURES.has(code);
}

/** Driver errors map by code, never by message text. */
export function fromDriverError(error: unknown): HttpProblem | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return null;
  // A lost connection; a connection cut mid-handshake (Neo4j killed while the driver logs in)
  // surfaces as a protocol error, "Connection was closed by server": the graph went away, it is not
  // the request's fault.
  if (isConnectionFailure(error) || code.startsWith('Neo.TransientError.General.DatabaseUnavailable')) {
    return new GraphUnavailable();
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.TransientError.Transaction.LockClientStopped') {
    return new QueryTimedOut();
  }
  // The driver's own failures carry no server code ('N/A'): above all "connection acquisition timed
  // out" when every pooled connection is busy under load. The graph cannot take the request now.
  if (code === 'N/A') return new GraphUnavailable();
  // Bad credentials to the database are an operator problem, not the analyst's: the graph is unavailable.
  if (code.startsWith('Neo.ClientError.Security')) return new GraphUnavailable();
  return null;
}

/** zod errors -> a 400 naming each field, including each unknown key (zod reports those on the parent). */
export function badInputFrom(error: z.ZodError, prefix = '', unknownKey = 'is not a field of a saved view'): BadInput {
  const problems: FieldProblem[] = error.issues.flatMap((issue) => {
    const at = (...path: PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.') || '(body)';
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: at(...issue.path, key), reason: unknownKey }));
    }
    return [{ field: at(...issue.path), reason: issue.message }];
  });
  return new BadInput(problems);
}

export class Unauthenticated extends HttpProblem {
  constructor() {
    super(401, 'Not signed in', 'Sign in (POST /api/auth/login) or send an API token as "Authorization: Bearer <token>".');
  }
}

export class Forbidden extends HttpProblem {
  constructor(detail: string) {
    super(403, 'Forbidden', detail);
  }
}

/** The client left; nobody reads this answer. Below 500 so it is not logged as a server fault. */
export class RequestCancelled extends HttpProblem {
  constructor() {
    super(499, 'Client closed request', 'The client disconnected before the answer was ready; the query was cancelled.');
  }
}

/** The request's budget ran out while the graph was unreachable or slow to hand out a connection. */
export class DeadlinePassed extends GraphUnavailable {
  constructor() {
    super('Neo4j did not answer within this request’s time budget; try again shortly.');
  }
}
