// Whether Neo4j's default database runs queries. Bolt and sign-in answer first, while the database is
// still starting, and after a crash while it recovers from its transaction log: 14 s on two busy
// cores with nothing else asking, 30 s with ten clients asking (tests/faults/embedded-neo4j.test.ts).
// A transaction begun meanwhile is not refused at once: the driver retries it, and a request waits out
// its whole budget. So "Neo4j is up" means this answers, wherever the app decides it.
import neo4j, { type Driver } from 'neo4j-driver';

/** Resolves once a transaction on the default database ran; rejects with Neo4j's (or the driver's) error. */
export async function databaseAnswers(driver: Driver): Promise<void> {
  // An auto-commit run, which the driver does not retry. `RETURN 1` reads nothing (it is no query of
  // the product's catalogue): only an online database begins its transaction.
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    await session.run('RETURN 1');
  } finally {
    await session.close();
  }
}
