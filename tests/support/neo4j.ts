// Connection to the run's Neo4j (started by global-setup.ts) and the app on top of it, listening on a
// free port so tests talk HTTP exactly as the browser does.
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import { loadCatalogue } from '../../cypher/catalogue.ts';
import { createApp } from '../../server/app.ts';
import { clientDistDir } from '../../server/client-bundle.ts';
import { createDriver } from '../../server/neo4j/driver.ts';

export function testDriver(): Driver {
  const neo4j = inject('neo4j');
  if (!neo4j) throw new Error('No test Neo4j: run through vitest, whose globalSetup (tests/support/global-setup.ts) starts it.');
  return createDriver(neo4j.uri, neo4j.user, neo4j.password);
}

export interface TestApp {
  baseUrl: string;
  driver: Driver;
  /** Fetches a path of the app and parses its JSON body. */
  get(path: string): Promise<{ status: number; contentType: string; body: any }>;
  close(): Promise<void>;
}

/** The real app on a real driver; `driver` may point at a database that is down, to test that too. */
export async function startTestApp(driver: Driver = testDriver()): Promise<TestApp> {
  const catalogue = await loadCatalogue();
  const app = createApp({ driver, catalogue, clientDir: clientDistDir, log: () => {} });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    driver,
    async get(path) {
      const response = await fetch(`${baseUrl}${path}`);
      const text = await response.text();
      return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: text ? JSON.parse(text) : null };
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await driver.close();
    },
  };
}
