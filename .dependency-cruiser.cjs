// The architecture as import rules (dependency-cruiser): which folder may import which. `npm run check` runs it.
// Tests (tests/**, *.test.ts) may import anything: they drive every layer.
const TESTS = ['^tests/', '\\.test\\.ts$'];

/** A rule that forbids imports from `from` (tests excepted) to `to`. */
function forbid(name, comment, from, to) {
  return { name, comment, severity: 'error', from: { path: from, pathNot: TESTS }, to };
}

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'No file imports itself through others: a cycle has no bottom layer to test or reuse alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    forbid(
      'contract-imports-only-contract',
      'contract/ is shared by server, client and seed: it imports no file of theirs, and of npm only zod and pinyin-pro (no Node API either).',
      '^contract/',
      {
        pathNot: ['^contract/', '^node_modules/(zod|pinyin-pro)/'],
      },
    ),
    forbid('client-not-server', 'The client speaks to the server over HTTP, with the types in contract/.', '^client/', { path: '^server/' }),
    forbid('client-not-seed', 'The client never sees how the seed is made.', '^client/', { path: '^seed/' }),
    forbid('server-not-client', 'The server serves the built client as files; it imports none of its modules.', '^server/', { path: '^client/' }),
    forbid('seed-not-server', 'The seed is a pure generator of rows: server/queries/seed-graph.ts writes them, not the other way.', '^seed/', {
      path: '^server/',
    }),
    forbid('seed-not-client', 'The seed knows nothing of the browser.', '^seed/', { path: '^client/' }),
    forbid(
      'graph-is-the-bottom-layer',
      'server/graph runs Cypher; the layers above it (queries, policy, http) and the CLIs and importer stand on it.',
      '^server/graph/',
      {
        path: '^server/(queries|policy|http|cli|import)/',
      },
    ),
    forbid('queries-below-policy', 'server/queries are stores on the executor; policy and HTTP use them, never the reverse.', '^server/queries/', {
      path: '^server/(policy|http|cli)/',
    }),
    forbid('policy-below-http', 'server/policy (withholding, audit, sessions) is applied by HTTP routes; it knows no route.', '^server/policy/', {
      path: '^server/(http|cli)/',
    }),
    forbid('import-beside-policy', 'server/import reads and checks files and writes through server/queries; the CLI and routes call it.', '^server/import/', {
      path: '^server/(policy|http|cli)/',
    }),
    forbid(
      'export-is-pure',
      'server/export renders a Result to a file: contract, itself, errors.ts, json-limits.ts and zod, nothing with I/O.',
      '^server/export/',
      {
        pathNot: ['^contract/', '^server/export/', '^server/errors\\.ts$', '^server/json-limits\\.ts$', '^node_modules/zod/'],
      },
    ),
    forbid('nothing-imports-a-composition-root', 'server/main.ts and server/cli/* put the parts together; nothing builds on them.', '.', {
      path: ['^server/cli/', '^server/main\\.ts$'],
    }),
    forbid('no-test-code-in-the-product', 'The product never runs test code or fixtures.', '.', {
      path: ['^tests/', '\\.test\\.ts$', '\\.fixture\\.ts$'],
    }),
    {
      name: 'not-to-dev-dependency',
      comment: 'npm ci --omit=dev must still run the product: a devDependency may serve only tests and types.',
      severity: 'error',
      from: { path: '^(server|client|contract|seed)/', pathNot: [...TESTS, '\\.fixture\\.ts$', '^client/vite\\.config\\.ts$'] },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing fails at run time.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^client/dist/', '^data/'] },
    // Type-only imports count: a client file naming a server type is a wrong-way import all the same.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    cache: false,
  },
};
