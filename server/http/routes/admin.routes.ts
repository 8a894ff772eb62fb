// POST /api/admin/cypher: read-only raw Cypher for admins. It runs in a READ transaction with a
// timeout, so Neo4j itself refuses any write; the policy (server/policy/admin-cypher.ts) first reads
// Neo4j's plan for it and refuses what would leave the evidence graph. Nothing here parses the text.
import { Router } from 'express';
import type { Record as Neo4jRecord } from 'neo4j-driver';
import { z } from 'zod';
import type { Json } from '../../../contract/result.ts';
import { recordToJson } from '../../graph/executor.ts';
import { toResult } from '../../graph/to-result.ts';
import { BadInput, fromDriverError, HttpProblem } from '../../errors.ts';
import { currentUser, requireRole } from '../auth-middleware.ts';
import type { Services } from '../services.ts';

export const CypherBody = z
  .object({
    cypher: z.string().trim().min(1).max(20_000),
    parameters: z.record(z.string(), z.unknown()).default({}),
    /** Rows past this are cut, and the answer says so. */
    limit: z.number().int().min(1).max(10_000).default(1000),
  })
  .strict();

class CypherRefused extends HttpProblem {
  constructor(code: string) {
    super(
      400,
      'Cypher refused',
      code.includes('AccessMode') || code.includes('ForbiddenOnReadOnlyDatabase') || code.includes('Forbidden')
        ? 'This endpoint is read-only: Neo4j refused a write in the read transaction.'
        : `Neo4j refused the statement (${code}).`,
    );
  }
}

export function adminRoutes({ answers }: Services): Router {
  const router = Router();
  router.use('/admin', requireRole('admin'));

  router.post('/admin/cypher', async (req, res) => {
    const body = CypherBody.safeParse(req.body ?? {});
    if (!body.success) throw BadInput.fromZod(body.error);
    const { cypher, parameters, limit } = body.data;
    const started = performance.now();
    let records: Neo4jRecord[];
    try {
      records = await answers.rawCypher(currentUser(res), cypher, parameters);
    } catch (error) {
      if (error instanceof HttpProblem) throw error;
      const mapped = fromDriverError(error);
      if (mapped) throw mapped;
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('Neo.ClientError')) throw new CypherRefused(code);
      throw error;
    }
    const truncated = records.length > limit;
    const kept = records.slice(0, limit);
    const meta = {
      query: 'admin-cypher',
      parameters: parameters as Record<string, Json>,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      truncated,
    };
    const rows = kept.map(recordToJson);
    let result = null;
    try {
      result = toResult(kept, meta);
    } catch {
      // Nodes without our stable `id` (or other shapes toResult does not draw): the rows still answer.
    }
    res.json({ result, rows });
  });

  return router;
}
