// Builds the Express app without listening, so tests drive it as it runs in production.
import express, { type Express } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import type { Catalogue } from '../graph/catalogue.ts';
import { GraphExecutor } from '../graph/executor.ts';
import { requestDeadline } from './request-deadline.ts';
import { jsonBody } from './json-body.ts';
import { GraphAvailability } from '../graph/availability.ts';
import { hostCheck } from './host-check.ts';
import { loginRateLimit, queryRateLimit } from './rate-limits.ts';
import { AuditLog } from '../policy/audit-log.ts';
import { authenticate, requireCsrf, requireSession } from './auth-middleware.ts';
import { EvidenceAnswers } from '../policy/evidence-answers.ts';
import { UserStore } from '../queries/user-store.ts';
import { DEFAULT_SESSION_CACHE } from '../queries/session-cache.ts';
import { ViewGraph } from '../queries/view-graph.ts';
import { ViewStore } from '../queries/view-store.ts';
import { NoteStore } from '../queries/note-store.ts';
import { CaseStore } from '../queries/case-store.ts';
import type { Services } from './services.ts';
import { openApiDocument } from './openapi.ts';
import { GraphUnavailable } from '../errors.ts';
import { notFoundRoute, problemHandler } from './problem-handler.ts';
import { adminRoutes } from './routes/admin.routes.ts';
import { auditRoutes } from './routes/audit.routes.ts';
import { authRoutes, loginRoutes } from './routes/auth.routes.ts';
import { setupRoutes } from './routes/setup.routes.ts';
import { AdminSetup } from '../policy/admin-setup.ts';
import { tokensRoutes } from './routes/tokens.routes.ts';
import { exportRoutes } from './routes/export.routes.ts';
import { graphRoutes } from './routes/graph.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { photosRoutes } from './routes/photos.routes.ts';
import { queryRoutes } from './routes/queries.routes.ts';
import { usersRoutes } from './routes/users.routes.ts';
import { viewsRoutes } from './routes/views.routes.ts';
import { importsRoutes } from './routes/imports.routes.ts';
import { ImportJobs } from '../import/import-jobs.ts';
import { UploadStore } from '../import/uploads.ts';
import { DEFAULT_XLSX_MAX_BYTES } from '../import/engine/mapped-import.ts';
import { tmpdir } from 'node:os';
import { notesRoutes } from './routes/notes.routes.ts';
import { sanctionsRoutes } from './routes/sanctions.routes.ts';
import { identityRoutes } from './routes/identity.routes.ts';
import { casesRoutes } from './routes/cases.routes.ts';
import { IdentityStore } from '../queries/identity-store.ts';

/** The budget of POST /api/export/:format: the largest body allowed takes seconds of CPU on a busy machine. */
const SUBMITTED_EXPORT_BUDGET_MS = 30_000;

export interface AppOptions {
  driver: Driver;
  catalogue: Catalogue;
  /** The built client (client/dist); absent in API-only tests. */
  clientDir?: string;
  /** Neo4j transaction timeout for each curated query; never more than what is left of the request's deadline. */
  queryTimeoutMs?: number;
  /** Each API request's whole budget, from arrival to answer (server/deadline.ts). */
  requestDeadlineMs?: number;
  /** Host names this server answers to (ALLOWED_HOSTS); default the loopback names at its port. */
  allowedHosts?: readonly string[];
  /** Requests per minute per client on graph routes, and sign-in attempts per address and user; 0 is off. */
  rateLimits?: { queriesPerMinute?: number; loginPerMinute?: number };
  version?: string;
  log?: (line: string) => void;
  /** REDACT=1: personal data of victims is withheld from everyone, admins included (a public demo). */
  redactAll?: boolean;
  /** Keys the pseudonyms; a random one per process when absent (pseudonyms then change on restart). */
  redactionSecret?: string;
  /** The local photo store (PHOTOS_DIR); absent, no photo file is served. */
  photosDir?: string;
  /** Express's `trust proxy`, from TRUST_PROXY: behind a proxy that ends TLS, cookies are still Secure. */
  trustProxy?: string[];
  /** Import in the browser: where uploads are streamed to (DATA_DIR/uploads), their size limit, a workbook's inflated-size cap. */
  imports?: { uploadsDir: string; uploadLimitBytes: number; maxUncompressedBytes?: number };
  /** The one-time setup address of the first admin (main.ts issues its token while no admin exists); absent, none is ever open. */
  adminSetup?: AdminSetup;
  /** How long a resolved session is trusted in this process (server/queries/session-cache.ts); 0 is off. */
  sessionCacheMs?: number;
}

export function createApp(options: AppOptions): Express {
  const log = options.log ?? ((line: string) => console.error(line));
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (options.trustProxy) app.set('trust proxy', options.trustProxy);
  // Every API answer is about someone, or for one user only (errors included): no browser or proxy keeps a copy.
  app.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  // Before anything else, static files included: a page on another site reaches nothing here.
  app.use(hostCheck(options.allowedHosts));
  app.use(
    helmet({
      // Only our own files run or style the page; no inline script, no other origin, never framed.
      // The built index.html carries the same policy in a <meta> (client/vite.config.ts).
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          scriptSrc: ["'self'"],
          // The graph layout runs in a module Worker loaded from our own files.
          workerSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );

  const api = express.Router();
  const deadline = requestDeadline(options.requestDeadlineMs ?? 7_000);
  // A submitted export's work grows with its body (up to the export limits), not with Neo4j's pace:
  // it gets a budget of its own, still bounded, for checking, withholding and rendering in a worker.
  const exportDeadline = requestDeadline(Math.max(options.requestDeadlineMs ?? 7_000, SUBMITTED_EXPORT_BUDGET_MS));
  const graph = new GraphExecutor(options.driver, options.catalogue, { timeoutMs: options.queryTimeoutMs ?? 7_000 });
  const audit = new AuditLog(graph, log);
  const redaction = { redactAll: options.redactAll ?? false, secret: options.redactionSecret ?? randomBytes(32).toString('hex') };
  const identities = new IdentityStore(graph);
  const services: Services = {
    graph,
    users: new UserStore(graph, { ...DEFAULT_SESSION_CACHE, ...(options.sessionCacheMs === undefined ? {} : { lifetimeMs: options.sessionCacheMs }) }),
    views: new ViewStore(graph),
    viewGraph: new ViewGraph(graph),
    notes: new NoteStore(graph),
    cases: new CaseStore(graph),
    audit,
    identities,
    answers: new EvidenceAnswers(graph, audit, redaction, identities),
  };
  const { users } = services;
  // How many requests had to read Neo4j to learn who sent them (benchmarks and tests read it).
  app.locals.sessionStats = users.stats;
  const availability = new GraphAvailability(options.driver, log);
  api.use(queryRateLimit(options.rateLimits?.queriesPerMinute ?? 300));
  // Who is asking, then the two routes that need no session: health and login. Everything after the
  // session gate needs one, and a cookie-authenticated change needs the CSRF token too.
  // The budget starts here, at arrival: the session look-up below reads Neo4j and counts against it.
  api.use((req, res, next) => (req.method === 'POST' && req.path.startsWith('/export/') ? exportDeadline : deadline)(req, res, next));
  // Before the session look-up, which would otherwise wait out the driver's retries while Neo4j is down.
  // 503 at once while down. Health is let through: it makes its own check and says what it found.
  api.use((req, _res, next) => next(availability.down && req.path !== '/health' ? new GraphUnavailable() : undefined));
  api.use(authenticate(users));
  api.use(healthRoutes(options.driver, options.version ?? '0.0.0'));
  const loginLimit = loginRateLimit(options.rateLimits?.loginPerMinute ?? 10);
  // The limit counts per address and user name, so the body is parsed first (the login route's own
  // parser then finds it parsed and passes).
  const loginBody = jsonBody('10kb');
  const limitedBody: express.RequestHandler = (req, res, next) =>
    req.method === 'POST' ? loginBody(req, res, (error?: unknown) => (error ? next(error) : loginLimit(req, res, next))) : next();
  api.use('/auth/login', limitedBody);
  api.use(loginRoutes(users, audit));
  // The setup address guesses nothing: a 256-bit token, rate-limited like sign-in all the same.
  api.use('/setup', limitedBody);
  api.use(setupRoutes(users, audit, options.adminSetup ?? new AdminSetup()));
  api.use(requireSession);
  api.use(requireCsrf);
  // Exports take whole results (megabytes): their router reads its own body before the 100 kB default.
  // Its chain export reads the graph and has no body, so the deadline can be set before it.
  api.use('/export', deadline);
  api.use(exportRoutes(services));
  // A saved view (or an imported one, with all its versions) may hold thousands of element ids.
  api.use('/views', jsonBody('5mb'));
  api.use(jsonBody('100kb'));
  // A stolen cookie must not let its holder guess the password at leisure: the sign-in limit counts here too.
  api.use('/auth/password', (req, res, next) => (req.method === 'POST' ? loginLimit(req, res, next) : next()));
  api.use(deadline);
  const openApi = openApiDocument(options.catalogue, options.version ?? '0.0.0');
  api.get('/openapi.json', (_req, res) => res.json(openApi));
  api.use(graphRoutes(services));
  api.use(queryRoutes(services));
  // Further routers, one line each, in the order they were added.
  api.use(viewsRoutes(services));
  api.use(notesRoutes(services));
  api.use(sanctionsRoutes(services));
  api.use(identityRoutes(services));
  api.use(casesRoutes(services));
  api.use(authRoutes(users, audit));
  api.use(tokensRoutes(users, audit));
  api.use(usersRoutes(users, audit));
  api.use(auditRoutes(audit, services.answers));
  api.use(adminRoutes(services));
  api.use(photosRoutes(services, options.photosDir));
  const maxUncompressedBytes = options.imports?.maxUncompressedBytes ?? DEFAULT_XLSX_MAX_BYTES;
  const uploads = new UploadStore(
    options.imports?.uploadsDir ?? join(tmpdir(), `xpf-uploads-${process.pid}`),
    options.imports?.uploadLimitBytes ?? 200 * 1024 * 1024,
  );
  void uploads.sweep().catch((error: unknown) => log(`could not clear the upload folder: ${String(error)}`));
  api.use(importsRoutes(services, { uploads, jobs: new ImportJobs(graph, log, maxUncompressedBytes), maxUncompressedBytes, redactAll: redaction.redactAll }));
  api.use(notFoundRoute);
  app.use('/api', api);

  if (options.clientDir && existsSync(options.clientDir)) {
    const clientDir = options.clientDir;
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    // Deep links (a shared view's URL) load the app, which reads its own location.
    app.get('/{*path}', (_req, res) => res.sendFile(join(clientDir, 'index.html')));
  }
  app.use(notFoundRoute);
  app.use(problemHandler(log, (error) => availability.noteFailure(error)));
  return app;
}
