// One test run: unit tests beside the code, integration and browser tests in tests/, all against
// the real Neo4j that tests/support/global-setup.ts starts for the run. `npm test` runs the fault
// tests (tests/faults/) in a second run of their own, after the rest, one file at a time: they are
// the only tests that time the app (the request budget, health during the largest export, recovery
// after Neo4j dies), and a browser test on the other core would starve them of the CPU those
// promises are about (`npm run test:faults`). Every other test runs on an app with a generous budget
// (tests/support/neo4j.ts), so a busy machine slows it down but does not fail it.
// It lives in tests/ to keep the top level to the project's folders; `root` points back at the repo.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './support/slow-first-sequencer.ts';

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    include: ['{contract,server,seed,client}/**/*.test.ts', 'tests/**/*.test.ts', 'tests/e2e/**/*.spec.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // Starting a JVM or a browser takes seconds on two cores, and a test of fifty requests to Neo4j takes
    // a minute when other work holds both of them; the assertions themselves are not timed.
    testTimeout: 120_000,
    // A hook may start a Neo4j of its own: tests/support/neo4j-start.ts says how long that may take.
    hookTimeout: 660_000,
    // Several files start JVMs and a browser; two at a time is what these two cores carry.
    maxWorkers: 2,
    // The files that start JVMs of their own go first, so the two workers finish together.
    sequence: { sequencer: SlowFirstSequencer },
  },
});
