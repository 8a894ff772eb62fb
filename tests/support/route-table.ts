// Every route an Express app answers under /api, read from its router stack (Express 5 / router 2).
import type { Express } from 'express';

export interface RouteEntry {
  method: string;
  /** Express path, e.g. /api/views/:id. */
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string;
}

function walk(stack: Layer[], prefix: string, into: RouteEntry[]): void {
  for (const layer of stack) {
    if (layer.route) {
      for (const method of Object.keys(layer.route.methods)) into.push({ method, path: `${prefix}${layer.route.path}` });
    } else if (layer.handle?.stack) {
      const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
      walk(layer.handle.stack, `${prefix}${mount}`, into);
    }
  }
}

export function apiRoutes(app: Express): RouteEntry[] {
  const routes: RouteEntry[] = [];
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '', routes);
  return routes.filter((route) => route.path.startsWith('/api/'));
}
