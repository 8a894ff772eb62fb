// Exports as file downloads: POST any Result to format it, or GET a chain of command formatted straight from the graph.
import express, { Router, type Response } from 'express';
import { CsvPart, ExportFormat, exportLimits } from '../../../contract/api/export.ts';
import { exportFileName, exportFormats, type RenderOptions } from '../../export/formats.ts';
import { exportSubmitted, renderExport } from '../export-workers.ts';
import { reportStamp, type Rendered } from '../export-tasks.ts';
import { ViewId } from '../../../contract/queries/views/view-params.ts';
import { BadInput, NotFound } from '../../errors.ts';
import { fetchChain } from '../../queries/fetch-chain.ts';
import { fetchChainSanctions } from '../../queries/chain-sanctions.ts';
import { currentUser } from '../auth-middleware.ts';
import { mayRead } from './views.routes.ts';
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

function send(res: Response, file: Rendered, base: string, format: ExportFormat, options: RenderOptions): void {
  // attachment() sets Content-Disposition (quoted, ASCII-safe); the type is set after, as attachment() guesses one from the extension.
  res.attachment(exportFileName(base, format, options.part));
  res.type(exportFormats[format].contentType);
  // end(), not send(): send() would hash megabytes on the event loop for an ETag no download uses.
  res.setHeader('Content-Length', file.bytes.byteLength);
  res.end(file.bytes);
}

/** Who a report names as its analyst: the account's login name. */
function analystOf(res: Response): string | undefined {
  return currentUser(res)?.username;
}

export function exportRoutes({ graph, answers, views }: Services, options: ExportRouteOptions = {}): Router {
  const now = options.now ?? (() => new Date());
  const router = Router();
  // A plain map, not the catalogue: the export worker threads that render a submitted body take it too.
  const queryTitles: Readonly<Record<string, string>> = Object.fromEntries(graph.catalogue.evidence().map((entry) => [entry.name, entry.title]));

  router.post('/export/:format', exportBodyReader, async (req, res) => {
    const { format, part } = readFormat(req.params, req.query, ['part']);
    if (!req.is('application/json')) throw new BadInput([{ field: '(body)', reason: 'must be JSON, sent as Content-Type: application/json' }]);
    // The client's own result, but a viewer's file is still redacted: what they export is what they may see.
    const options: RenderOptions = { part, generatedAt: now(), origin: 'submitted', analyst: analystOf(res) };
    const file = await answers.discloseFile(currentUser(res), (withholding) =>
      exportSubmitted(req.body as Buffer, format, options, withholding, { format, part }, queryTitles),
    );
    send(res, file, `xpf-${file.query}`, format, options);
  });

  router.get('/export/chain/:id/:format', async (req, res) => {
    const { format, part } = readFormat(req.params, req.query, ['asOf', 'limit', 'part', 'view', 'sanctions']);
    if (req.query.sanctions !== undefined && req.query.sanctions !== 'include') {
      throw new BadInput([{ field: 'sanctions', reason: 'must be "include" (or left out)' }]);
    }
    // A report made from a saved view carries its title and notes, as the view opens for this reader (another
    // analyst's words withheld from a redacted reader); a view this reader may not open does not exist for them.
    const view = req.query.view === undefined ? undefined : await readableView(res, req.query.view);
    // As GET /api/chain/:id answers: a node with no chain is still exported, so the file says "no chain" about it.
    const request = { asOf: req.query.asOf, limit: numberOrRaw(req.query.limit) };
    // With sanctions=include, as GET /api/chain/:id/sanctions answers: the report then has its Sanctions section.
    // A resolved identity's chain is every member's, merged.
    const found = await answers.overMembers(currentUser(res), req.params.id, (id) =>
      req.query.sanctions === 'include' ? fetchChainSanctions(graph, { ...request, id }) : fetchChain(graph, { ...request, id }),
    );
    // What is recorded holds parameters the chain's answer gave (with sanctions, the ids of its people and
    // organisations): recorded after the chain is read, not while.
    const chains = await answers.disclose(
      currentUser(res),
      { action: 'export', query: found.meta.query, targetIds: [req.params.id], parameters: { ...found.meta.parameters, format, part } },
      async () => found,
    );
    const asOf = typeof chains.meta.parameters.asOf === 'string' ? `-as-of-${chains.meta.parameters.asOf}` : '';
    const options: RenderOptions = {
      part,
      generatedAt: now(),
      origin: 'query',
      analyst: analystOf(res),
      queryTitle: queryTitles[chains.meta.query],
      ...reportStamp(format, chains),
      ...(view ? { view } : {}),
    };
    send(res, await renderExport(format, chains, options), `xpf-chain-${req.params.id}${asOf}`, format, options);
  });

  async function readableView(res: Response, raw: unknown): Promise<{ title: string; notes: string }> {
    const id = ViewId.safeParse(raw);
    if (!id.success) throw BadInput.fromZod(id.error, 'view');
    const found = await views.read(id.data, null);
    const user = currentUser(res);
    if (!found?.version || !user || !mayRead(found.view, user)) throw new NotFound(`No view with id "${id.data}"`);
    return answers.viewWords(user, found.view, found.version.document);
  }

  return router;
}
