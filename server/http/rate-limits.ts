// Request rate limits: strict on login (password guessing), generous on queries (one client must not
// starve the graph for everyone). The counters live in this process's memory: several processes
// behind one address would each count separately and need a shared store (express-rate-limit's
// Redis or Memcached stores) to enforce one limit.
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import { HttpProblem } from '../errors.ts';

class TooManyRequests extends HttpProblem {
  constructor(what: string) {
    super(429, 'Too many requests', `Too many ${what} from this client in the last minute; wait a little (see Retry-After) and try again.`);
  }
}

const pass: RequestHandler = (_req, _res, next) => next();

/** A one-minute window of `perMinute` requests per key; 0 turns the limit off (benchmarks on loopback). */
function perMinuteLimit(perMinute: number, what: string, options: Partial<Pick<Options, 'skip' | 'keyGenerator'>>): RequestHandler {
  if (perMinute === 0) return pass;
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new TooManyRequests(what)),
    ...options,
  });
}

/** Every graph-reading route, per client address. */
export function queryRateLimit(perMinute: number): RequestHandler {
  // Health checks are how an operator sees the app; they never count.
  return perMinuteLimit(perMinute, 'requests', { skip: (req) => req.path === '/health' });
}

/**
 * Per address *and* user name, so one guesser cannot lock every analyst out from a shared address,
 * and guessing one name from many names' worth of attempts still hits the limit. Mount it after the
 * JSON body parser, on the login route.
 */
export function loginRateLimit(perMinute: number): RequestHandler {
  return perMinuteLimit(perMinute, 'sign-in attempts', {
    keyGenerator: (req) => {
      const username = (req.body as { username?: unknown } | undefined)?.username;
      return `${ipKeyGenerator(req.ip ?? '')}|${typeof username === 'string' ? username.trim().toLowerCase().slice(0, 200) : ''}`;
    },
  });
}
