// Starts xpf-explorer: Neo4j (embedded unless NEO4J_URI is set), schema, seed, client bundle, HTTP.
import type { Server } from 'node:http';
import { join } from 'node:path';
import { queries } from '../contract/queries/index.ts';
import { loadCatalogue, type Catalogue } from './graph/catalogue.ts';
import { GraphExecutor } from './graph/executor.ts';
import { seedIfEmpty } from './queries/seed-graph.ts';
import { createApp } from './http/app.ts';
import { AdminSetupError, bootstrapAdmin } from './policy/bootstrap-admin.ts';
import { UserStore } from './queries/user-store.ts';
import { clientDistDir, ensureClientBuilt } from './http/client-bundle.ts';
import { EnvError, parseEnv } from './env.ts';
import { connectToGraph, type GraphConnection } from './graph/driver.ts';
import { passwordFile } from './graph/password.ts';
import { StartupError } from './graph/startup-error.ts';
import { assertPortFree } from './graph/ports.ts';
import { fromDriverError } from './errors.ts';
import { redactionSecret } from './policy/redaction-secret.ts';
import { describeWarmUp, warmUp } from './graph/warm-up.ts';

const log = (line: string) => console.log(`[xpf] ${line}`);

/** Schema and seed need the graph; with an external server that is down, keep trying in the background. */
async function prepareGraph(connection: GraphConnection, catalogue: Catalogue, env: ReturnType<typeof parseEnv>): Promise<void> {
  const graph = new GraphExecutor(connection.driver, catalogue, { timeoutMs: 10_000 });
  for (;;) {
    try {
      await graph.applySchema(queries.schema);
      if (await seedIfEmpty(graph, env.PHOTOS_DIR)) log('Seeded the empty database (public record + synthetic records).');
      const users = new UserStore(graph);
      const keyed = await users.keyUsernames();
      if (keyed.keyed > 0) log(`Sign-in now ignores case: ${keyed.keyed} older account(s) got a lower-cased name key.`);
      if (keyed.collisions > 0) log(`${keyed.collisions} account name(s) differ from another only by case: they sign in by their exact name.`);
      const said = await bootstrapAdmin(users, env.ADMIN_USER, env.ADMIN_PASSWORD);
      if (said) log(said);
      // Before "Ready" (the embedded database waits for this): the first request must not plan its
      // queries or load the store's pages itself.
      log(describeWarmUp(await warmUp(graph, log)));
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
  const env = parseEnv();
  const catalogue = await loadCatalogue();
  // Before Neo4j's seconds of start-up: a taken HTTP port should fail at once.
  await assertPortFree(env.PORT, env.HOST, 'HTTP', 'PORT');
  const clientBuild = ensureClientBuilt(log);
  if (!env.NEO4J_URI) log(`Starting Neo4j (data in ${env.DATA_DIR}, Bolt on 127.0.0.1:${env.NEO4J_BOLT_PORT})…`);
  let server: Server | undefined;
  let stopping = false;
  const connection = await connectToGraph(env, {
    supervise: {
      log,
      // A new JVM has an empty query cache and page cache: warm it as at start, beside the first requests.
      onRestarted: () => void warmUp(new GraphExecutor(connection.driver, catalogue, { timeoutMs: 10_000 }), log).then((warm) => log(describeWarmUp(warm))),
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
    await connection.close();
    log('Stopped.');
    process.exit(exitCode);
  };
  // `on`, not `once`: Ctrl-C under `npm start` reaches the app twice (from the terminal, and
  // forwarded by npm); a second signal must not cut the clean stop the first one began.
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const graphReady = prepareGraph(connection, catalogue, env);
  // The embedded database is ours and up: finish preparing it before serving. An external one may
  // be down: serve (503) at once and let preparation finish whenever it comes back.
  if (connection.embedded) await graphReady;
  else
    graphReady.catch((error: unknown) => {
      console.error('xpf-explorer cannot prepare the graph:', error);
      process.exit(1);
    });
  await clientBuild;

  const app = createApp({
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
  log(`Ready in ${((performance.now() - started) / 1000).toFixed(1)} s: open ${url}`);
  if (connection.embedded) {
    log(
      `Neo4j ${connection.embedded.version} for other clients: ${connection.uri}, user neo4j, password in ${env.NEO4J_PASSWORD ? 'NEO4J_PASSWORD' : passwordFile(env.DATA_DIR)}`,
    );
  }
}

main().catch((error: unknown) => {
  // Known start-up problems are one line; anything else is a bug and keeps its stack for the operator.
  if (error instanceof StartupError || error instanceof EnvError || error instanceof AdminSetupError)
    console.error(`xpf-explorer cannot start: ${error.message}`);
  else console.error('xpf-explorer cannot start:', error);
  process.exit(1);
});
