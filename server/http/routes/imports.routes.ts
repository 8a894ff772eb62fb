// Import in the browser, for analysts and admins (viewers get 403 on every route here): upload a file
// (streamed to disk, size-limited), inspect it (sheets, columns, a proposed or saved mapping), preview
// the first rows as graph elements with their matches, check or import it as a job whose progress
// the browser polls and may cancel, download the report, list the history, undo an import.
import { Router, type Request } from 'express';
import { z } from 'zod';
import { upgradeMapping, type MappingDocument } from '../../../contract/api/import-mapping.ts';
import { formatEntry, InspectUploadBody, MappingRequestBody, placeOf, type ImportReport } from '../../../contract/api/imports.ts';
import type { Result } from '../../../contract/result.ts';
import { BadInput, badInputFrom, Forbidden, HttpProblem, NotFound, parseInput } from '../../errors.ts';
import { runMappedImport } from '../../import/engine/mapped-import.ts';
import type { ImportJobs } from '../../import/import-jobs.ts';
import { inspectUpload } from '../../import/inspect-upload.ts';
import { HeaderError } from '../../import/readers/table.ts';
import { EncodingError } from '../../import/source/decode-text.ts';
import { type Upload, UploadTooLarge, type UploadStore } from '../../import/uploads.ts';
import { outsideBudget } from '../../graph/budget.ts';
import { listImports, UndoRefused, undoImport } from '../../queries/import-history.ts';
import { queries } from '../../../contract/queries/index.ts';
import { currentUser, requireRole } from '../auth-middleware.ts';
import type { Services } from '../services.ts';

export interface ImportServices {
  uploads: UploadStore;
  jobs: ImportJobs;
  maxUncompressedBytes: number;
  /** REDACT=1, a public demo: nobody receives personal data, and an import's preview and report would give it. */
  redactAll: boolean;
}

/** The file cannot be read as the analyst said (encoding, sheet, header): a 422 naming it. */
class Unreadable extends HttpProblem {
  constructor(detail: string) {
    super(422, 'File not readable', detail);
  }
}

function mappingOf(raw: unknown): MappingDocument {
  try {
    return upgradeMapping(raw);
  } catch (error) {
    if (error instanceof z.ZodError) throw badInputFrom(error, 'mapping', 'is not a field of a mapping');
    throw error;
  }
}

async function readable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof EncodingError || error instanceof HeaderError) throw new Unreadable(error.message);
    throw error;
  }
}

/** The report as a spreadsheet opens it: one problem or match per line. */
export function reportCsv(report: ImportReport): string {
  const cell = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = [['where', 'severity', 'field', 'reason'].join(',')];
  for (const entry of report.entries) lines.push([placeOf(entry), entry.severity, entry.field, entry.reason].map(cell).join(','));
  for (const match of report.matches) {
    lines.push(
      [placeOf(match.place), `match: ${match.verdict}`, match.incomingId, `${match.existingId} (${match.score.toFixed(2)}): ${match.reasons.join('; ')}`]
        .map(cell)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function importsRoutes({ graph, audit }: Services, { uploads, jobs, maxUncompressedBytes, redactAll }: ImportServices): Router {
  const router = Router();
  router.use('/imports', requireRole('analyst', 'admin'));
  // A preview and a report show the file's rows and, for each match, the graph's person by name:
  // under REDACT=1 every account is a redacted reader, so none of them imports through the server.
  router.use('/imports', (_req, _res, next) =>
    next(redactAll ? new Forbidden('Imports are off under REDACT=1 (a public demo): their previews and reports show personal data in full.') : undefined),
  );
  const user = (res: Parameters<Parameters<typeof router.get>[1]>[1]) => currentUser(res)!;
  const uploadOf = (req: Request<{ id: string }>, ownerId: string) => {
    const upload = uploads.get(req.params.id, ownerId);
    if (!upload) throw new NotFound(`No upload "${req.params.id}" of yours: upload the file again.`);
    return upload;
  };

  router.post('/imports/uploads', async (req, res) => {
    const name = decodeURIComponent(String(req.get('x-file-name') ?? ''));
    if (!name) throw new BadInput([{ field: 'X-File-Name', reason: "is required: the file's name (its extension tells its format)" }]);
    let upload: Upload;
    try {
      upload = await uploads.receive(req, name, user(res).id);
    } catch (error) {
      if (error instanceof UploadTooLarge) {
        res.set('connection', 'close');
        throw new HttpProblem(413, 'Upload too large', error.message);
      }
      throw error;
    }
    // The upload may have taken longer than a request's budget; the look-up of a saved mapping is quick.
    // A file that does not read as it is (another encoding, a sheet to pick) is kept: the analyst says how.
    let inspection = null;
    let problem = null;
    let encodingGuess = null;
    try {
      inspection = await outsideBudget(() => inspectUpload(graph, upload, {}, maxUncompressedBytes));
    } catch (error) {
      if (!(error instanceof EncodingError || error instanceof HeaderError)) throw error;
      problem = error.message;
      if (error instanceof EncodingError) encodingGuess = error.guess;
    }
    res.status(201).json({ uploadId: upload.id, fileName: upload.name, size: upload.size, inspection, problem, encodingGuess });
  });

  router.post('/imports/uploads/:id/inspect', async (req, res) => {
    const body = parseInput(InspectUploadBody, req.body ?? {});
    res.json(await readable(() => inspectUpload(graph, uploadOf(req, user(res).id), body, maxUncompressedBytes)));
  });

  router.delete('/imports/uploads/:id', async (req, res) => {
    await uploads.remove(uploadOf(req, user(res).id).id);
    res.status(204).end();
  });

  router.post('/imports/uploads/:id/preview', async (req, res) => {
    const body = parseInput(MappingRequestBody, req.body ?? {});
    const upload = uploadOf(req, user(res).id);
    const mapping = mappingOf(body.mapping);
    const nodes = new Map<string, Result['nodes'][number]>();
    const edges = new Map<string, Result['edges'][number]>();
    // A preview reads the file and asks the graph about every row shown: bounded by its rows, not by
    // a query's budget (its first run also plans the match queries).
    const result = await readable(() =>
      outsideBudget(() =>
        runMappedImport(graph, {
          path: upload.path,
          name: upload.name,
          mapping,
          who: user(res).username,
          previewRows: body.rows,
          maxUncompressedBytes,
          encodingOption: 'the encoding field',
          onPreview: (rows, links) => {
            for (const row of rows) nodes.set(row.id, { id: row.id, labels: row.labels, properties: row.properties as Record<string, never> });
            for (const link of links)
              edges.set(link.id, {
                id: link.id,
                type: link.type,
                source: link.source,
                target: link.target,
                properties: link.properties as Record<string, never>,
              });
          },
        }),
      ),
    );
    // References (nodes of the graph or of later rows) are drawn as bare ends, so every edge has both.
    for (const edge of edges.values()) {
      for (const end of [edge.source, edge.target]) if (!nodes.has(end)) nodes.set(end, { id: end, labels: [], properties: { name: end } });
    }
    res.json({ status: result.status, report: result.report, elements: { nodes: [...nodes.values()], edges: [...edges.values()] } });
  });

  router.post('/imports/uploads/:id/jobs', async (req, res) => {
    const body = parseInput(MappingRequestBody, req.body ?? {});
    const upload = uploadOf(req, user(res).id);
    const mapping = mappingOf(body.mapping);
    const who = user(res);
    if (!body.dryRun)
      await audit.record(who, { action: 'import', targetIds: [upload.name], parameters: { mappingName: mapping.name ?? null, size: upload.size } });
    const job = jobs.start(upload, mapping, who, body.dryRun, (done) => {
      if (done.progress.state === 'complete' || done.progress.state === 'already-complete') void uploads.remove(upload.id);
    });
    res.status(202).json({ jobId: job.id, progress: job.progress });
  });

  router.get('/imports/jobs/:id', (req, res) => {
    const job = jobs.get(req.params.id, user(res).id);
    if (!job) throw new NotFound(`No import job "${req.params.id}" of yours.`);
    res.json(job.progress);
  });

  router.post('/imports/jobs/:id/cancel', async (req, res) => {
    const job = jobs.get(req.params.id, user(res).id);
    if (!job) throw new NotFound(`No import job "${req.params.id}" of yours.`);
    job.controller.abort();
    await outsideBudget(() => job.done);
    res.json(job.progress);
  });

  router.get('/imports/jobs/:id/report', (req, res) => {
    const job = jobs.get(req.params.id, user(res).id);
    if (!job?.progress.report) throw new NotFound(`No report for import job "${req.params.id}" yet.`);
    const { report } = job.progress;
    const base = report.file.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}_.-]+/gu, '-');
    if (req.query.format === 'txt') {
      res.set('content-disposition', `attachment; filename="${encodeURIComponent(base)}-report.txt"`).type('text/plain');
      res.send(`${report.entries.map(formatEntry).join('\n')}\n`);
      return;
    }
    res.set('content-disposition', `attachment; filename="${encodeURIComponent(base)}-report.csv"`).type('text/csv');
    res.send(reportCsv(report));
  });

  router.get('/imports', async (_req, res) => {
    res.json({ imports: await listImports(graph) });
  });

  router.get('/imports/:id/report', async (req, res) => {
    const found = await graph.record(queries.importReport, { id: req.params.id });
    if (!found?.report) throw new NotFound(`No report kept for import "${req.params.id}".`);
    res.type('application/json').send(found.report);
  });

  router.post('/imports/:id/undo', async (req, res) => {
    const who = user(res);
    await audit.record(who, { action: 'import-undo', targetIds: [req.params.id] });
    try {
      res.json(await outsideBudget(() => undoImport(graph, req.params.id, who.username)));
    } catch (error) {
      if (error instanceof UndoRefused) throw new HttpProblem(error.status, error.status === 404 ? 'Not found' : 'Undo refused', error.message);
      throw error;
    }
  });

  return router;
}
