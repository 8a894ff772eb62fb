// Exports as file downloads: POST any Result to format it, or GET a chain of command formatted straight from the graph.
import express, { Router, type Response } from 'express';
import { CsvPart, ExportFormat, exportLimits } from '../../../contract/api/export.ts';
import type { Result } from '../../../contract/result.ts';
import { exportFileName, exportFormats, type RenderOptions } from '../../export/formats.ts';
import { checkSubmitted, renderExport } from '../export-workers.ts';
import { BadInput } from '../../errors.ts';
import { fetchChain } from '../../queries/fetch-chain.ts';
import { currentUser } from '../auth-middleware.ts';
import type { Services } from '../services.ts';
import { numberOrRaw } from '../query-string.ts';

export interface ExportRouteOptions {
  /** The report's "generated" time; tests pin it. */
  now?: () => Date;
}

/**
 * A saved view of a few thousand elements with all their properties runs to megabytes; the app-wide
 * parser stops at 100 kB. This one only collects the bytes: parsing and checking them takes CPU in
 * proportion to their size, so an export worker does it (server/http/export-workers.ts).
 */
const exportBodyReader = express.raw({ type: () => true, limit: exportLimits.bodyBytes });

/**
 * The format from the path and `part` from the query string, checked before any query runs. A
 * query-string key this route does not know is refused: a misspelt `asof` must not silently give
 * a report on every date.
 */
function readFormat(params: Record<string, string>, query: Record<string, unknown>, known: readonly string[]) {
  const unknown = Object.keys(query).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw new BadInput(unknown.map((field) => ({ field, reason: 'is not a parameter of this export' })));
  const format = ExportFormat.safeParse(params.format);
  if (!format.success) throw BadInput.fromZod(format.error, 'format');
  if (format.data !== 'csv') {
    if (query.part !== undefined) throw new BadInput([{ field: 'part', reason: 'applies only to the csv format' }]);
    return { format: format.data, part: undefined };
  }
  const part = CsvPart.safeParse(query.part);
  if (!part.success) throw new BadInput([{ field: 'part', reason: 'must be "nodes" or "edges": each CSV file is its own download' }]);
  return { format: format.data, part: part.data };
}

async function send(res: Response, result: Result, base: string, format: ExportFormat, options: RenderOptions): Promise<void> {
  const spec = exportFormats[format];
  const body = await renderExport(format, result, options);
  // attachment() sets Content-Disposition (quoted, ASCII-safe); the type is set after, as attachment() guesses one from the extension.
  res.attachment(exportFileName(base, format, options.part));
  res.type(spec.contentType);
  res.send(body);
}

export function exportRoutes({ graph, answers }: Services, options: ExportRouteOptions = {}): Router {
  const now = options.now ?? (() => new Date());
  const router = Router();

  router.post('/export/:format', exportBodyReader, async (req, res) => {
    const { format, part } = readFormat(req.params, req.query, ['part']);
    if (!req.is('application/json')) throw new BadInput([{ field: '(body)', reason: 'must be JSON, sent as Content-Type: application/json' }]);
    // The client's own result, but a viewer's file is still redacted: what they export is what they may see.
    const submitted = await checkSubmitted(req.body as Buffer);
    const result = await answers.disclose(currentUser(res), submitted, {
      action: 'export',
      query: submitted.meta.query,
      targetIds: submitted.nodes.map((node) => node.id),
      parameters: { format, part },
    });
    await send(res, result, `xpf-${result.meta.query}`, format, { part, generatedAt: now(), origin: 'submitted' });
  });

  router.get('/export/chain/:id/:format', async (req, res) => {
    const { format, part } = readFormat(req.params, req.query, ['asOf', 'limit', 'part']);
    // As GET /api/chain/:id answers: a node with no chain is still exported, so the file says "no chain" about it.
    const request = { asOf: req.query.asOf, limit: numberOrRaw(req.query.limit) };
    const found = await answers.overMembers(currentUser(res), req.params.id, (id) => fetchChain(graph, { ...request, id }));
    const chains = await answers.disclose(currentUser(res), found, {
      action: 'export',
      query: found.meta.query,
      targetIds: [req.params.id],
      parameters: { ...found.meta.parameters, format, part },
    });
    const asOf = typeof chains.meta.parameters.asOf === 'string' ? `-as-of-${chains.meta.parameters.asOf}` : '';
    await send(res, chains, `xpf-chain-${req.params.id}${asOf}`, format, { part, generatedAt: now(), origin: 'query' });
  });

  return router;
}
