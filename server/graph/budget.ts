// Each request's time budget and cancellation, carried to every Neo4j call the request makes.
//
// The chain, all inside the 10 s an analyst (or a proxy) is promised an answer in:
//   request deadline (7 s from arrival, createApp's requestDeadlineMs: 3 s of the 10 s are left
//   for a busy event loop and the answer's way back)
//   > each transaction's Neo4j timeout = min(query timeout, what is left of the deadline),
//     so Neo4j itself stops a query that would outlive its request;
//   > the driver's own bounds (server/graph/driver.ts: retries 5 s, pool acquisition 5 s,
//     connect 3 s), which could add up past the deadline while Neo4j is down, so the executor also
//     races them against the deadline and gives up with a 503 when it passes.
// When the client goes away before the answer is sent (closed tab, cancelled fetch), the budget's
// signal aborts: the executor closes its session, the driver sends Bolt RESET, and Neo4j terminates the
// transaction instead of finishing work nobody will read.
import { AsyncLocalStorage } from 'node:async_hooks';

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

/** Runs `work` (and everything it awaits) inside `budget`. */
export function withBudget<T>(budget: RequestBudget, work: () => T): T {
  return budgets.run(budget, work);
}

/**
 * Runs `work` outside any request's budget: work shared by many requests (a group commit of audit
 * entries) must not be cut by the deadline or the departure of whichever request started it; nor
 * a background job (an import) that a request starts but does not wait for.
 */
export function outsideBudget<T>(work: () => T): T {
  return budgets.exit(work);
}
