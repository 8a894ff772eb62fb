// /api/views: saved views. Create, list, reopen (with what changed since), save new versions, share, export, import, delete.
import { randomBytes, randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import type { z } from 'zod';
import type { CatalogueEntry } from '../../cypher/catalogue.ts';
import { ShareId, VersionNumber, ViewId } from '../../cypher/views/view-params.ts';
import { HttpProblem, NotFound } from '../problems.ts';
import type { QueryContext } from '../run-catalogue-query.ts';
import { badInputFrom } from '../views/bad-input.ts';
import { VIEW_SCHEMA_VERSION, ViewContent, ViewUpdate, type Snapshot, type ViewDocument } from '../views/saved-view.ts';
import { readExportFile, toExportFile } from '../views/view-export.ts';
import { ViewGraph } from '../views/view-graph.ts';
import { ViewStore, type StoredVersion, type VersionRecord, type ViewRecord } from '../views/view-store.ts';
import { numberOrRaw } from '../query-string.ts';

/**
 * Who is acting. Accounts (a later issue) will put the signed-in user on `res.locals.user`; until
 * then every save is by `local`. Views store this string; an account id can replace it here alone.
 */
export function authorOf(res: Response): string {
  const user = res.locals.user as { username?: unknown } | undefined;
  return typeof user?.username === 'string' && user.username !== '' ? user.username : 'local';
}

function parse<T>(schema: z.ZodType<T>, value: unknown, field = ''): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badInputFrom(parsed.error, field);
  return parsed.data;
}

/** The record plus its stable links: the share link is the same for every version and title. */
function withLinks(view: ViewRecord) {
  return { ...view, links: { share: `/v/${view.shareId}`, api: `/api/views/shared/${view.shareId}` } };
}

function versionInfo(version: VersionRecord): VersionRecord {
  return { version: version.version, savedAt: version.savedAt, author: version.author, title: version.title };
}

/** Fingerprints are the server's business: the client never needs them, and never sends them. */
function shown(document: ViewDocument): Omit<ViewDocument, 'snapshot'> {
  const { snapshot: _snapshot, ...rest } = document;
  return rest;
}

function toDocument(content: Omit<ViewContent, 'schemaVersion'> & { schemaVersion?: number }, snapshot: Snapshot): ViewDocument {
  const { schemaVersion: _sent, ...fields } = content;
  return { schemaVersion: VIEW_SCHEMA_VERSION, ...fields, snapshot };
}

/** A file name any system accepts, from the title (Chinese titles kept: Content-Disposition encodes them). */
function exportFileName(view: ViewRecord): string {
  const title = view.title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-').trim().slice(0, 80) || 'view';
  return `${title}.view.json`;
}

class Conflict extends HttpProblem {
  constructor(baseVersion: number, current: VersionRecord) {
    super(
      409,
      'Conflict',
      `Version ${current.version} of this view was saved by ${current.author} at ${current.savedAt}, after version ${baseVersion} ` +
        'that this save started from. Reopen the view, apply your changes to it and save again.',
    );
  }
}

export function viewsRoutes(context: QueryContext, catalogue: Map<string, CatalogueEntry>): Router {
  const store = new ViewStore(context, catalogue);
  const graph = new ViewGraph(context, catalogue);
  const listParams = catalogue.get('list-views')!.schema;
  const router = Router();

  /** A version as it opens: its document, and what changed in the graph since it was saved. */
  async function reopen(id: string, version: number | null) {
    const found = await store.read(id, version);
    if (!found) throw new NotFound(`No view with id "${id}"`);
    if (!found.version) throw new NotFound(`View "${id}" has no version ${version}`);
    const changes = await graph.changesSince(found.version.document, found.version.savedAt);
    return { view: withLinks(found.view), version: versionInfo(found.version), document: shown(found.version.document), changes };
  }

  router.post('/views', async (req, res) => {
    const content = parse(ViewContent, req.body);
    graph.checkQuery(content.query);
    const document = toDocument(content, await graph.snapshot(content.elements));
    const now = new Date().toISOString();
    const author = authorOf(res);
    const view = { id: randomUUID(), shareId: randomBytes(16).toString('base64url'), author, createdAt: now };
    const version: StoredVersion = { version: 1, savedAt: now, author, title: document.title, document };
    await store.create(view, [version]);
    const record: ViewRecord = { ...view, title: document.title, updatedAt: now, currentVersion: 1 };
    res.status(201).location(`/api/views/${view.id}`).json({ view: withLinks(record), version: versionInfo(version), document: shown(document) });
  });

  router.get('/views', async (req, res) => {
    const { offset, limit } = parse(listParams, { offset: numberOrRaw(req.query.offset), limit: numberOrRaw(req.query.limit) }) as {
      offset: number;
      limit: number;
    };
    const page = await store.list(offset, limit);
    res.json({ views: page.views.map(withLinks), offset, limit, more: page.more });
  });

  router.post('/views/import', async (req, res) => {
    const versions = readExportFile(req.body);
    const now = new Date().toISOString();
    // New ids and a new share token: the file may come from another server, or be imported twice.
    const view = { id: randomUUID(), shareId: randomBytes(16).toString('base64url'), author: authorOf(res), createdAt: now };
    await store.create(view, versions);
    const latest = versions.at(-1)!;
    const record: ViewRecord = { ...view, title: latest.title, updatedAt: now, currentVersion: latest.version };
    res.status(201).location(`/api/views/${view.id}`).json({ view: withLinks(record), version: versionInfo(latest), document: shown(latest.document) });
  });

  router.get('/views/shared/:shareId', async (req, res) => {
    const shareId = parse(ShareId, req.params.shareId, 'shareId');
    const id = await store.findShared(shareId);
    if (!id) throw new NotFound('No view has this share link (it may have been deleted)');
    res.json(await reopen(id, null));
  });

  router.get('/views/:id', async (req, res) => {
    res.json(await reopen(parse(ViewId, req.params.id, 'id'), null));
  });

  router.get('/views/:id/versions', async (req, res) => {
    const id = parse(ViewId, req.params.id, 'id');
    const found = await store.versions(id);
    if (!found) throw new NotFound(`No view with id "${id}"`);
    res.json({ view: withLinks(found.view), versions: found.versions });
  });

  router.get('/views/:id/versions/:version', async (req, res) => {
    const id = parse(ViewId, req.params.id, 'id');
    const version = parse(VersionNumber, numberOrRaw(req.params.version), 'version');
    res.json(await reopen(id, version));
  });

  router.put('/views/:id', async (req, res) => {
    const id = parse(ViewId, req.params.id, 'id');
    const { baseVersion, ...content } = parse(ViewUpdate, req.body);
    const current = await store.read(id, null);
    if (!current?.version) throw new NotFound(`No view with id "${id}"`);
    // Refused before the graph is read; the save itself checks again, atomically, under the view's lock.
    if (current.view.currentVersion !== baseVersion) throw new Conflict(baseVersion, current.version);
    graph.checkQuery(content.query);
    const document = toDocument(content, await graph.snapshot(content.elements));
    const saved = { savedAt: new Date().toISOString(), author: authorOf(res), title: document.title, document };
    const outcome = await store.saveVersion(id, baseVersion, saved);
    if (!outcome) throw new NotFound(`No view with id "${id}"`);
    if (!outcome.saved) {
      const winner = await store.read(id, null);
      if (!winner?.version) throw new NotFound(`No view with id "${id}"`);
      throw new Conflict(baseVersion, winner.version);
    }
    const record: ViewRecord = { ...current.view, title: document.title, updatedAt: saved.savedAt, currentVersion: outcome.currentVersion };
    res.json({ view: withLinks(record), version: versionInfo({ ...saved, version: outcome.currentVersion }), document: shown(document) });
  });

  router.delete('/views/:id', async (req, res) => {
    const id = parse(ViewId, req.params.id, 'id');
    if (!(await store.remove(id, authorOf(res), new Date().toISOString()))) throw new NotFound(`No view with id "${id}"`);
    res.status(204).end();
  });

  router.get('/views/:id/export', async (req, res) => {
    const id = parse(ViewId, req.params.id, 'id');
    const found = await store.versionsWithDocuments(id);
    if (!found) throw new NotFound(`No view with id "${id}"`);
    res.attachment(exportFileName(found.view)).json(toExportFile(found.view, found.versions, new Date().toISOString()));
  });

  return router;
}
