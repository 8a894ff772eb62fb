// Starts xpf-explorer: Neo4j (embedded unless NEO4J_URI is set), schema, seed, client bundle, HTTP.
import type { Server } from 'node:http';
import { join } from 'node:path';
import { queries } from '../contract/queries/index.ts';
import { loadCatalogue, type Catalogue } from './graph/catalogue.ts';
import { GraphExecutor } from './graph/executor.ts';
import { seedIfEmpty, seedOffline } from './queries/seed-graph.ts';
import { SeedProgress } from './queries/seed-progress.ts';
import { Phases } from './phases.ts';
import { createApp } from './http/app.ts';
import { AdminSetupError, bootstrapAdmin } from './policy/bootstrap-admin.ts';
import { AdminSetup, SETUP_VALID_MS } from './policy/admin-setup.ts';
import { UserStore } from './queries/user-store.ts';
import { clientDistDir, ensureClientBuilt } from './http/client-bundle.ts';
import { EnvError, parseEnv } from './env.ts';
import { connectToGraph, type GraphConnection } from './graph/driver.ts';
import { passwordFile } from './graph/password.ts';
import { StartupError } from './graph/startup-error.ts';
import { assertPortFree } from './graph/ports.ts';
import { fromDriverError } from './errors.ts';
import { redactionSecret } from './policy/redaction-secret.ts';
import { describeWarmUp, warmBackgroundQueries, warmUp } from './graph/warm-up.ts';
import { quietSpells } from './http/quiet-spells.ts';
import { firstRunsOf } from './graph/first-runs.ts';

const log = (line: string) => console.log(`[xpf] ${line}`);

/** Schema and seed need the graph; with an external server that is down, keep trying in the background. */
async function prepareGraph(connection: GraphConnection, catalogue: Catalogue, env: ReturnType<typeof parseEnv>, phases: Phases): Promise<void> {
  const graph = new GraphExecutor(connection.driver, catalogue, { timeoutMs: 10_000 });
  for (;;) {
    try {
      // After an offline seed this is where its indexes are built.
      const schema = await phases.run('schema', 'Creating constraints and indexes…', () => graph.applySchema(queries.schema));
      const seeded = await phases.run('seed', 'Seeding the empty database…', (say) => seedIfEmpty(graph, env.PHOTOS_DIR, new SeedProgress(say).batchWritten));
      if (seeded) log('Seeded the empty database (public record + synthetic records).');
      const users = new UserStore(graph);
      const keyed = await users.keyUsernames();
      if (keyed.keyed > 0) log(`Sign-in now ignores case: ${keyed.keyed} older account(s) got a lower-cased name key.`);
      if (keyed.collisions > 0) log(`${keyed.collisions} account name(s) differ from another only by case: they sign in by their exact name.`);
      const said = await bootstrapAdmin(users, env.ADMIN_USER, env.ADMIN_PASSWORD);
      if (said) log(said);
      // Before "Ready" (the embedded database waits for this): the first request must not plan its
      // queries or load the store's pages itself.
      const newStatistics = schema.built || seeded;
      log(
        describeWarmUp(
          await phases.run('warm-up', "Warming query plans and the store's pages…", () => warmUp(graph, log, { beforeServing: true, newStatistics })),
        ),
      );
      return;
    } catch (error) {
      if (!fromDriverError(error)) throw error;
      log(`Neo4j at ${connection.uri} is unreachable; the API answers 503 until it is back. Retrying in 5 s.`);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const phases = new Phases(log);
  const env = parseEnv();
  const catalogue = await loadCatalogue();
  // Before Neo4j's seconds of start-up: a taken HTTP port should fail at once.
  await assertPortFree(env.PORT, env.HOST, 'HTTP', 'PORT');
  const clientBuild = phases.run('client', 'Building the client…', () => ensureClientBuilt(log));
  if (!env.NEO4J_URI) log(`Starting Neo4j (data in ${env.DATA_DIR}, Bolt on 127.0.0.1:${env.NEO4J_BOLT_PORT})…`);
  let server: Server | undefined;
  let stopping = false;
  const connection = await connectToGraph(env, {
    phase: phases.run,
    // A store with nothing in it yet: the seed goes in through Neo4j's offline importer, before Neo4j opens it.
    beforeFirstStart: async (store) => {
      await phases.run('seed', 'Seeding the empty database…', (say) =>
        seedOffline({ ...store, heap: env.NEO4J_HEAP, offHeap: env.NEO4J_PAGECACHE }, 'small', new SeedProgress(say).bulkProgress, env.PHOTOS_DIR),
      );
      log("Seeded the empty database (public record + synthetic records) through Neo4j's offline importer.");
    },
    supervise: {
      log,
      // A new JVM has an empty query cache and page cache: warm it as at start, beside the first requests
      // (whose first run of each query goes alone, server/graph/first-runs.ts).
      onRestarted: () => {
        firstRunsOf(connection.driver).forget();
        void warmUp(new GraphExecutor(connection.driver, catalogue, { timeoutMs: 10_000 }), log).then((warm) => log(describeWarmUp(warm)));
      },
      onGiveUp: (reason) => {
        console.error(`xpf-explorer stops: ${reason}.`);
        void stop('Neo4j gone', 1);
      },
    },
  });

  const stop = async (why: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    log(`${why}: stopping…`);
    // Stop taking requests and let the ones in flight finish (close() also drops idle keep-alive
    // connections); past DRAIN_TIMEOUT_S the rest are cut, so a stuck client cannot hold the exit.
    // Only then close the graph: a draining request still needs it.
    if (server) {
      const drained = new Promise<void>((resolve) => server!.close(() => resolve()));
      const cut = setTimeout(() => {
        log(`Requests still running after ${env.DRAIN_TIMEOUT_S} s: closing their connections.`);
        server!.closeAllConnections();
      }, env.DRAIN_TIMEOUT_S * 1000);
      await drained;
      clearTimeout(cut);
    }
    if (connection.embedded?.classArchive === 'recording') log('Saving the classes Neo4j loaded, so that later starts are quicker (once, some seconds)…');
    await connection.close();
    log('Stopped.');
    process.exit(exitCode);
  };
  // `on`, not `once`: Ctrl-C under `npm start` reaches the app twice (from the terminal, and
  // forwarded by npm); a second signal must not cut the clean stop the first one began.
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const graphReady = prepareGraph(connection, catalogue, env, phases);
  // The embedded database is ours and up: finish preparing it before serving. An external one may
  // be down: serve (503) at once and let preparation finish whenever it comes back.
  if (connection.embedded) await graphReady;
  else
    graphReady.catch((error: unknown) => {
      console.error('xpf-explorer cannot prepare the graph:', error);
      process.exit(1);
    });
  await clientBuild;

  const adminSetup = new AdminSetup();
  const app = createApp({
    adminSetup,
    driver: connection.driver,
    catalogue,
    clientDir: clientDistDir,
    version: process.env.npm_package_version,
    redactAll: env.REDACT === '1',
    photosDir: env.PHOTOS_DIR,
    redactionSecret: redactionSecret(env.DATA_DIR, env.REDACTION_SECRET),
    trustProxy: env.TRUST_PROXY,
    requestDeadlineMs: env.REQUEST_BUDGET_S * 1000,
    queryTimeoutMs: env.REQUEST_BUDGET_S * 1000,
    allowedHosts: env.ALLOWED_HOSTS,
    imports: {
      uploadsDir: join(env.DATA_DIR, 'uploads'),
      uploadLimitBytes: env.IMPORT_UPLOAD_MAX_MB * 1024 * 1024,
      maxUncompressedBytes: env.IMPORT_XLSX_MAX_MB * 1024 * 1024,
    },
    rateLimits: { queriesPerMinute: env.RATE_LIMIT_QUERIES_PER_MIN, loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MIN },
  });
  if (env.REDACT === '1') log('REDACT=1: personal data of detainees and their relatives is withheld from every account.');
  server = app.listen(env.PORT, env.HOST);
  const spells = quietSpells(server);
  // Slow-loris bounds: headers within 10 s, a whole request (a 20 MB export body) within 60 s.
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server!.once('listening', resolve);
    server!.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(`Port ${env.PORT} on ${env.HOST} is already in use: stop what holds it or set PORT.`)
          : new StartupError(`Cannot listen on ${env.HOST}:${env.PORT}: ${error.code ?? error.message}`),
      ),
    );
  });

  const url = `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${env.PORT}/`;
  // The app's own work after serving began (the admin check, the background plans), beside the requests.
  const sideGraph = new GraphExecutor(connection.driver, catalogue, { timeoutMs: 10_000 });
  // No admin yet: a one-time address to create one in the browser. The token is in the fragment (#),
  // which the browser never sends in a request line, so it stays out of proxies' and servers' logs.
  void graphReady
    .then(async () => {
      const users = new UserStore(sideGraph);
      if ((await users.adminCount()) > 0) return;
      const token = adminSetup.issue();
      log(`Create the first admin in your browser: ${url}setup#token=${token}`);
      log(`That address works once, for ${SETUP_VALID_MS / 60_000} minutes, and only while no admin exists; restart to get a new one.`);
    })
    .catch((error: unknown) => log(`Could not check for an admin account: ${String(error)}`));
  if (connection.embedded) {
    log(
      `Neo4j ${connection.embedded.version} for other clients: ${connection.uri}, user neo4j, password in ${env.NEO4J_PASSWORD ? 'NEO4J_PASSWORD' : passwordFile(env.DATA_DIR)}`,
    );
  }
  // The last line of the start: where to go, and where the time went.
  log(`Ready in ${((performance.now() - started) / 1000).toFixed(1)} s (${phases.summary()}): open ${url}`);
  void graphReady
    .then(() => warmBackgroundQueries(sideGraph, log, spells.whenQuiet))
    .catch((error: unknown) => log(`Could not plan the seed's and imports' queries ahead: ${String(error)}`))
    .finally(() => spells.stop());
}

main().catch((error: unknown) => {
  // Known start-up problems are one line; anything else is a bug and keeps its stack for the operator.
  if (error instanceof StartupError || error instanceof EnvError || error instanceof AdminSetupError)
    console.error(`xpf-explorer cannot start: ${error.message}`);
  else console.error('xpf-explorer cannot start:', error);
  process.exit(1);
});
