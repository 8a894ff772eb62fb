// The fault tests time the app against its production budget as an operator meets it after "Ready":
// on a Neo4j that has planned every curated query once (server/main.ts warms its own the same way).
// The other tests run on generous budgets and plan each query when they first need it. After the rest
// of the suite this costs seconds (Neo4j has most plans cached); `npm run test:faults` alone, a minute.
import { beforeAll, inject } from 'vitest';
import { loadCatalogue } from '../../server/graph/catalogue.ts';
import { createDriver } from '../../server/graph/driver.ts';
import { GraphExecutor } from '../../server/graph/executor.ts';
import { warmUp } from '../../server/graph/warm-up.ts';

beforeAll(async () => {
  const { uri, user, password } = inject('neo4j');
  const driver = createDriver(uri, user, password);
  try {
    await warmUp(new GraphExecutor(driver, await loadCatalogue(), { timeoutMs: 600_000 }), () => {});
  } finally {
    await driver.close();
  }
}, 600_000);
