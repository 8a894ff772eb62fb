// Typed errors and the one middleware that turns any error into a problem document (RFC 9457).
// Never a stack trace, never a driver message: those can leak the query or the server's layout.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { z } from 'zod';

export interface FieldProblem {
  field: string;
  reason: string;
}

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

export const notFoundRoute: RequestHandler = (req) => {
  throw new NotFound(`No route ${req.method} ${req.path}`);
};

/**
 * Other request errors raised by Express and its parsers (http-errors with a 4xx status): a path
 * segment that is not valid percent-encoding (`/api/nodes/%W`), a body in an unsupported charset.
 * Their own messages are not shown: they can quote internals.
 */
function clientError(error: unknown): HttpProblem | null {
  const status = (error as { status?: unknown; statusCode?: unknown })?.status ?? (error as { statusCode?: unknown })?.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  if (error instanceof URIError) return new BadInput([{ field: '(path)', reason: 'is not a valid URL: check its percent-encoding' }]);
  return new HttpProblem(status, 'Bad request', 'The server cannot read this request.');
}

export function problemHandler(log: (line: string) => void, onError: (error: unknown) => void = () => {}): ErrorRequestHandler {
  return (error, req, res, _next) => {
    onError(error);
    const bodyError = (error as { type?: string; status?: number }).type;
    const problem =
      error instanceof HttpProblem
        ? error
        : (fromDriverError(error) ??
          (bodyError === 'entity.parse.failed'
            ? new BadInput([{ field: '(body)', reason: 'is not valid JSON' }])
            : bodyError === 'entity.too.large'
              ? new HttpProblem(413, 'Body too large', 'The request body is larger than this server accepts.')
              : clientError(error)));
    if (!problem || problem.status >= 500) {
      // The operator gets the cause in the server log; the client gets only the problem document.
      log(`${req.method} ${req.originalUrl} failed: ${(error as Error)?.stack ?? String(error)}`);
    }
    const shown = problem ?? new HttpProblem(500, 'Internal error', 'The server could not answer this request; the cause is in its log.');
    res
      .status(shown.status)
      .type('application/problem+json')
      .json({
        type: 'about:blank',
        title: shown.title,
        status: shown.status,
        detail: shown.detail,
        ...(shown.errors && { errors: shown.errors }),
      });
  };
}
