// The production app in a process of its own, for a benchmark that loads it (load.bench.ts): as `npm
// start` serves it, the app's event loop is its own, not shared with the load generator's (autocannon
// parsing a hundred clients' answers on the app's own thread slowed the app it measured). Reached
// through the Neo4j named by NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, with the request budget of
// REQUEST_BUDGET_S as `npm start` reads it; rate limits off (a hundred
// clients on one address would measure the limiter). Prints "listening PORT" once it serves, each
// distinct server-side failure once on stderr, and closes on SIGTERM or when its parent goes (its stdin
// ends): a bench stopped outright (a smoke test's timeout) leaves no server behind.
import type { AddressInfo } from 'node:net';
import { parseEnv } from '../../server/env.ts';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { createDriver } from '../../server/graph/driver.ts';
import { createApp } from '../../server/http/app.ts';

const env = parseEnv();
if (!env.NEO4J_URI) throw new Error('serve-app.ts needs NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD');
const driver = createDriver(env.NEO4J_URI, env.NEO4J_USER, env.NEO4J_PASSWORD!);

// Each distinct failure once, by its first line with the record's number taken out: the cause of any
// 5xx in the figures, not a hundred copies of it.
const failures = new Set<string>();
const log = (line: string) => {
  const first = line
    .split('\n')[0]!
    .replace(/syn-detainee-\d+/g, 'syn-detainee-…')
    .slice(0, 300);
  if (!failures.has(first)) console.error(`server: ${first}`);
  failures.add(first);
};

const app = createApp({
  driver,
  catalogue: await loadCatalogue(),
  log,
  rateLimits: { queriesPerMinute: 0, loginPerMinute: 0 },
  // As server/main.ts gives them.
  requestDeadlineMs: env.REQUEST_BUDGET_S * 1000,
  queryTimeoutMs: env.REQUEST_BUDGET_S * 1000,
});
const server = app.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
const stop = () => {
  server.closeAllConnections();
  server.close(() => void driver.close().then(() => process.exit(0)));
};
process.once('SIGTERM', stop);
process.stdin.once('close', stop).resume();
