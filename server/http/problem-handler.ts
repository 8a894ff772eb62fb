// The one error middleware: any error a route throws becomes a problem document (RFC 9457).
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Problem } from '../../contract/api/problem.ts';
import { BadInput, fromDriverError, HttpProblem, NotFound } from '../errors.ts';
import { IncidentLog } from './incident-log.ts';

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

/**
 * What the operator reads about a failed request, and under which key repeats count as one incident:
 * a known problem (the graph unavailable, a query timed out) in one line by its title and driver
 * code; anything else is a bug, logged with its stack, keyed by its message and first frame.
 */
function incidentOf(error: unknown, problem: HttpProblem | null): { key: string; text: string } {
  const code = (error as { code?: unknown })?.code;
  if (problem) return { key: `${problem.status} ${problem.title}${typeof code === 'string' ? ` (${code})` : ''}`, text: problem.detail };
  const stack = (error as Error)?.stack ?? String(error);
  const [message, firstFrame] = stack.split('\n');
  return { key: `${message}${firstFrame ? ` ${firstFrame.trim()}` : ''}`, text: stack };
}

/** The body parser's limit in words: "at most 10,485,760 bytes". */
function bytesLimit(error: unknown): string {
  const limit = (error as { limit?: unknown }).limit;
  return typeof limit === 'number' ? `at most ${limit.toLocaleString('en')} bytes` : 'its size limit';
}

export function problemHandler(log: (line: string) => void, onError: (error: unknown) => void = () => {}): ErrorRequestHandler {
  const incidents = new IncidentLog(log);
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
              ? new HttpProblem(413, 'Body too large', `The request body is larger than this route accepts (${bytesLimit(error)}).`)
              : clientError(error)));
    if (!problem || problem.status >= 500) {
      // The operator gets the cause in the server log, once per incident; the client gets only the problem document.
      const where = `${req.method} ${req.baseUrl}${req.path}`;
      const { key, text } = incidentOf(error, problem);
      incidents.report(key, where, () => `${where} failed: ${problem ? `${key}: ${text}` : text}`);
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
      } satisfies Problem);
  };
}
