// Starts each API request's time budget at arrival and cancels it when the client goes away; the
// executor (server/graph/executor.ts) runs every query inside what is left of it.
import type { RequestHandler } from 'express';
import { withBudget, type RequestBudget } from '../graph/budget.ts';

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
    withBudget(budget, next);
  };
}
