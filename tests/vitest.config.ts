// One test run: unit tests beside the code, integration and browser tests in tests/, all against
// the real Neo4j that tests/support/global-setup.ts starts for the run. The run has two groups, one
// after the other, on that same Neo4j:
// - `suite`: everything but the fault tests, two files at a time, each on an app with a generous
//   request budget (tests/support/neo4j.ts), so a busy machine slows it down but does not fail it;
// - `faults` (tests/faults/): the only tests that time the app (the request budget, health during the
//   largest export, recovery after Neo4j dies), one file at a time once the rest is done: a browser
//   test on the other core would starve them of the CPU those promises are about. Alone:
//   `npm run test:faults`.
// One run, not two: a second run would start, seed and warm a Neo4j of its own, two minutes on a busy
// CI machine. It lives in tests/ to keep the top level to the project's folders; `root` points back at the repo.
import { resolve } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import SlowFirstSequencer from './support/slow-first-sequencer.ts';

const root = resolve(import.meta.dirname, '..');
const faults = 'tests/faults/**/*.test.ts';

/** What both groups share. Not `extends: true`: that would run the global setup (a Neo4j) once per group. */
const shared = {
  // Starting a JVM or a browser takes seconds on two cores, and a test of fifty requests to Neo4j takes
  // a minute when other work holds both of them; the assertions themselves are not timed.
  testTimeout: 120_000,
  // A hook may start a Neo4j of its own: tests/support/neo4j-start.ts says how long that may take.
  hookTimeout: 660_000,
};

export default defineConfig({
  root,
  test: {
    // Runs once for the run, whichever groups it has: the Neo4j every file is given (inject('neo4j')).
    globalSetup: ['tests/support/global-setup.ts'],
    projects: [
      {
        root,
        test: {
          ...shared,
          name: 'suite',
          include: ['{contract,server,seed,client}/**/*.test.ts', 'tests/**/*.test.ts', 'tests/e2e/**/*.spec.ts'],
          exclude: [...configDefaults.exclude, faults],
          // Several files start JVMs and a browser; two at a time is what these two cores carry.
          maxWorkers: 2,
          // The files that start JVMs of their own go first, so the two workers finish together.
          sequence: { sequencer: SlowFirstSequencer, groupOrder: 0 },
        },
      },
      {
        root,
        test: {
          ...shared,
          name: 'faults',
          include: [faults],
          maxWorkers: 1,
          // Each file first plans every curated query on the run's Neo4j, as the app does before "Ready".
          setupFiles: ['tests/faults/warm-neo4j.ts'],
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
