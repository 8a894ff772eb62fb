// Each request's time budget and cancellation, carried to every Neo4j call the request makes.
//
// The chain, all inside the 10 s an analyst (or a proxy) is promised an answer in:
//   request deadline (7 s from arrival, createApp's requestDeadlineMs: 3 s of the 10 s are left
//   for a busy event loop and the answer's way back)
//   > each transaction's Neo4j timeout = min(query timeout, what is left of the deadline),
//     so Neo4j itself stops a query that would outlive its request;
//   > the driver's own bounds (server/neo4j/driver.ts: retries 5 s, pool acquisition 5 s,
//     connect 3 s), which could add up past the deadline while Neo4j is down, so runQuery also
//     races them against the deadline and gives up with a 503 when it passes.
// When the client goes away before the answer is sent (closed tab, cancelled fetch), the budget's
// signal aborts: runQuery closes its session, the driver sends Bolt RESET, and Neo4j terminates the
// transaction instead of finishing work nobody will read.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { RequestHandler } from 'express';
import { GraphUnavailable, HttpProblem } from '../errors.ts';

export interface RequestBudget {
  /** Epoch milliseconds by which the answer must be on its way. */
  deadline: number;
  /** Aborts when the client disconnected before the response finished. */
  signal: AbortSignal;
}

const budgets = new AsyncLocalStorage<RequestBudget>();

/** The budget of the request being handled; undefined outside a request (seed, import, tests). */
export function currentBudget(): RequestBudget | undefined {
  return budgets.getStore();
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

/**
 * Mount where the budget starts, and again after the body parsers: AsyncLocalStorage follows awaits and callbacks, but a body parser's
 * stream events fire in the socket's context, and a budget set before them would be lost.
 */
export function requestDeadline(ms: number): RequestHandler {
  return (_req, res, next) => {
    // Mounted more than once on a request's way (before the session check, which reads Neo4j, and
    // again after each body parser): the first mount sets the budget from arrival, later ones re-enter it.
    let budget = res.locals.budget as RequestBudget | undefined;
    if (!budget) {
      const controller = new AbortController();
      budget = { deadline: Date.now() + ms, signal: controller.signal };
      res.locals.budget = budget;
      res.once('close', () => {
        if (!res.writableFinished) controller.abort();
      });
    }
    budgets.run(budget, next);
  };
}
