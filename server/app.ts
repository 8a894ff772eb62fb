// Builds the Express app without listening, so tests drive it as it runs in production.
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { CatalogueEntry } from '../cypher/catalogue.ts';
import { openApiDocument } from './openapi.ts';
import { notFoundRoute, problemHandler } from './problems.ts';
import { exportRoutes } from './routes/export.routes.ts';
import { graphRoutes } from './routes/graph.routes.ts';
import { healthRoutes } from './routes/health.routes.ts';
import { queryRoutes } from './routes/queries.routes.ts';
import { viewsRoutes } from './routes/views.routes.ts';

export interface AppOptions {
  driver: Driver;
  catalogue: Map<string, CatalogueEntry>;
  /** The built client (client/dist); absent in API-only tests. */
  clientDir?: string;
  /** Neo4j transaction timeout for each curated query. */
  queryTimeoutMs?: number;
  version?: string;
  log?: (line: string) => void;
}

export function createApp(options: AppOptions): Express {
  const log = options.log ?? ((line: string) => console.error(line));
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  const api = express.Router();
  const context = { driver: options.driver, timeoutMs: options.queryTimeoutMs ?? 8_000 };
  // Exports take whole results (megabytes): their router reads its own body before the 100 kB default.
  api.use(exportRoutes(context, options.catalogue));
  // A saved view (or an imported one, with all its versions) may hold thousands of element ids.
  api.use('/views', express.json({ limit: '5mb' }));
  api.use(express.json({ limit: '100kb' }));
  api.use(healthRoutes(options.driver, options.version ?? '0.0.0'));
  const openApi = openApiDocument(options.catalogue, options.version ?? '0.0.0');
  api.get('/openapi.json', (_req, res) => res.json(openApi));
  api.use(graphRoutes(context, options.catalogue));
  api.use(queryRoutes(context, options.catalogue));
  // Further routers, one line each, in the order they were added.
  api.use(viewsRoutes(context, options.catalogue));
  api.use(notFoundRoute);
  app.use('/api', api);

  if (options.clientDir && existsSync(options.clientDir)) {
    const clientDir = options.clientDir;
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    // Deep links (a shared view's URL) load the app, which reads its own location.
    app.get('/{*path}', (_req, res) => res.sendFile(join(clientDir, 'index.html')));
  }
  app.use(notFoundRoute);
  app.use(problemHandler(log));
  return app;
}
