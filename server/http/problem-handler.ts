// The one error middleware: any error a route throws becomes a problem document (RFC 9457).
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Problem } from '../../contract/api/problem.ts';
import { BadInput, fromDriverError, HttpProblem, NotFound } from '../errors.ts';

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
      } satisfies Problem);
  };
}
