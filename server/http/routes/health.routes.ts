// GET /api/health: is the app up, and can it reach Neo4j. 503 while the graph is unreachable.
import { Router } from 'express';
import type { Driver } from 'neo4j-driver';

export function healthRoutes(driver: Driver, version: string): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    try {
      const server = await driver.getServerInfo();
      res.json({ status: 'ok', app: { version }, neo4j: { status: 'up', agent: server.agent, protocolVersion: server.protocolVersion } });
    } catch {
      res.status(503).json({ status: 'degraded', app: { version }, neo4j: { status: 'down' } });
    }
  });
  return router;
}
