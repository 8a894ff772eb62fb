// One test run: unit tests beside the code, integration and browser tests in tests/, all against
// the real Neo4j that tests/support/global-setup.ts starts for the run. `npm test` runs the fault
// tests (tests/integration/faults.test.ts) in a second run of their own, after the rest: they promise
// answers within 10 s while Neo4j dies under them, and a browser test on the other core would
// starve them of the CPU that promise is about (`npm run test:faults`).
// It lives in tests/ to keep the top level to the project's folders; `root` points back at the repo.
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    include: ['{contract,server,seed,client}/**/*.test.ts', 'tests/**/*.test.ts', 'tests/e2e/**/*.spec.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // Starting a JVM or a browser takes seconds on two cores; the assertions themselves are not timed.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Several files start JVMs and a browser; two at a time is what these two cores carry.
    maxWorkers: 2,
  },
});
