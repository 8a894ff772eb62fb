// The production app in a process of its own, for the benchmarks that time it (load.bench.ts,
// api.bench.ts, started by served-app.ts): as `npm start` serves it, the app's event loop is its own,
// not shared with the bench's clients (autocannon parsing a hundred clients' answers on the app's own
// thread slowed the app it measured). Reached through the Neo4j named by NEO4J_URI, NEO4J_USER and
// NEO4J_PASSWORD, with the request budget of REQUEST_BUDGET_S as `npm start` reads it; rate limits off
// (a hundred clients on one address would measure the limiter). Prints "listening PORT" once it
// serves, the first line of each server fault on stderr, and closes on SIGTERM or when its parent goes
// (its stdin ends): a bench stopped outright (a smoke test's timeout) leaves no server behind.
import type { AddressInfo } from 'node:net';
import { parseEnv } from '../../server/env.ts';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { createDriver } from '../../server/graph/driver.ts';
import { createApp } from '../../server/http/app.ts';

const env = parseEnv();
if (!env.NEO4J_URI) throw new Error('serve-app.ts needs NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD');
const driver = createDriver(env.NEO4J_URI, env.NEO4J_USER, env.NEO4J_PASSWORD!);

// The app logs a fault once per incident (server/http/incident-log.ts), its stack included: the first
// line says the cause of any 5xx in the figures.
const log = (line: string) => console.error(`server: ${line.split('\n')[0]!.slice(0, 300)}`);

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
