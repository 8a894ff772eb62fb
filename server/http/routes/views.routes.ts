// /api/views: saved views. Create, list, reopen (with what changed since), save new versions, share, export, import, delete.
import { randomBytes, randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { ListPage, ShareId, VersionNumber, ViewId, Visibility } from '../../../contract/queries/views/view-params.ts';
import { currentUser, requireRole } from '../auth-middleware.ts';
import type { User } from '../../queries/user-store.ts';
import {
  ViewScope,
  type OpenedAnswer,
  type SavedAnswer,
  type SavedView,
  type VersionInfo,
  type VersionListAnswer,
  type ViewListAnswer,
} from '../../../contract/api/views.ts';
import { badInputFrom, Forbidden, HttpProblem, NotFound, parseInput } from '../../errors.ts';
import type { Services } from '../services.ts';
import { VIEW_SCHEMA_VERSION, ViewContent, ViewUpdate, type Snapshot, type ViewDocument } from '../../../contract/api/saved-view.ts';
import { readExportFile, toExportFile } from '../../policy/view-export.ts';
import type { StoredVersion, VersionRecord, ViewRecord } from '../../queries/view-store.ts';
import { numberOrRaw } from '../query-string.ts';

/** Who is acting, by login name: what versions show as their author. Ownership is by account id. */
function authorOf(res: Response): string {
  const user = res.locals.user as { username?: unknown } | undefined;
  return typeof user?.username === 'string' && user.username !== '' ? user.username : 'local';
}

export const VisibilityBody = z.object({ visibility: Visibility }).strict();

/** A private view is its owner's alone, admins included; a shared one (or one from before accounts) is everyone's to read. */
export function mayRead(view: ViewRecord, user: User): boolean {
  return view.visibility === 'shared' || view.owner === null || view.owner === user.id;
}

/** Its owner changes or deletes it; an admin may too once it is shared. Viewers never save. */
function mayChange(view: ViewRecord, user: User): boolean {
  if (user.role === 'viewer') return false;
  if (view.owner === user.id) return true;
  return (view.owner === null || view.visibility === 'shared') && (user.role === 'admin' || view.owner === null);
}

/** A 400 here says of an unknown key that it is not a field of a saved view. */
const parse = <T>(schema: z.ZodType<T>, value: unknown, field = ''): T => parseInput(schema, value, field, badInputFrom);

/** The record plus its stable links: the share link is the same for every version and title. */
function withLinks(view: ViewRecord): SavedView {
  return { ...view, links: { share: `/v/${view.shareId}`, api: `/api/views/shared/${view.shareId}` } };
}

function versionInfo(version: VersionRecord): VersionInfo {
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
  const title =
    view.title
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
      .trim()
      .slice(0, 80) || 'view';
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

/**
 * A version as it opens: its document, and what changed in the graph since it was saved, as the reader
 * may see them. Whoever may read the view decides before (this route, or a case the view is in).
 */
export async function openedAnswer(
  { viewGraph, answers }: Pick<Services, 'viewGraph' | 'answers'>,
  reader: User | null,
  found: { view: ViewRecord; version: StoredVersion },
): Promise<OpenedAnswer> {
  const opened = await answers.openedView(reader, found.view, async () => {
    const { changes, graph } = await viewGraph.reopen(found.version.document, found.version.savedAt, (query) => answers.questionFor(reader, query));
    return { version: versionInfo(found.version), document: shown(found.version.document), changes, graph };
  });
  return { ...opened, view: withLinks(opened.view) };
}

export function viewsRoutes({ views: store, viewGraph: graph, audit, answers }: Services): Router {
  // The viewer's id comes from the session, never from the query string.
  const router = Router();
  const savers = requireRole('analyst', 'admin');

  /** A view this user may read, or 404: another user's private view does not exist, as far as they can tell. */
  async function readable(res: Response, id: string, version: number | null) {
    const found = await store.read(id, version);
    if (!found || !mayRead(found.view, currentUser(res)!)) throw new NotFound(`No view with id "${id}"`);
    return found;
  }

  async function changeable(res: Response, id: string) {
    const found = await readable(res, id, null);
    if (!mayChange(found.view, currentUser(res)!)) throw new Forbidden('Only the owner of this view (or an admin, once it is shared) may change it.');
    return found;
  }

  async function reopen(res: Response, id: string, version: number | null): Promise<OpenedAnswer> {
    const found = await readable(res, id, version);
    if (!found.version) throw new NotFound(`View "${id}" has no version ${version}`);
    return openedAnswer({ viewGraph: graph, answers }, currentUser(res), { view: found.view, version: found.version });
  }

  router.post('/views', savers, async (req, res) => {
    const content = parse(ViewContent, req.body);
    graph.checkQuery(content.query);
    const document = toDocument(content, await graph.snapshot(content.elements));
    const now = new Date().toISOString();
    const author = authorOf(res);
    const view = newView(author, currentUser(res)!.id, now);
    const version: StoredVersion = { version: 1, savedAt: now, author, title: document.title, document };
    await store.create(view, [version]);
    await audit.record(currentUser(res), {
      action: 'view-save',
      targetIds: [view.id, ...content.elements.nodes, ...content.elements.edges],
      query: content.query?.name,
    });
    const record: ViewRecord = { ...view, title: document.title, updatedAt: now, currentVersion: 1 };
    res
      .status(201)
      .location(`/api/views/${view.id}`)
      .json({ view: withLinks(record), version: versionInfo(version), document: shown(document) } satisfies SavedAnswer);
  });

  router.get('/views', async (req, res) => {
    const scope = parse(ViewScope, req.query.scope ?? 'all', 'scope');
    const { offset, limit } = parse(ListPage, { offset: numberOrRaw(req.query.offset), limit: numberOrRaw(req.query.limit) });
    const page = await store.list(currentUser(res)!.id, scope === 'mine', offset, limit);
    res.json({
      views: page.views.map((view) => withLinks(answers.viewRecord(currentUser(res), view))),
      scope,
      offset,
      limit,
      more: page.more,
    } satisfies ViewListAnswer);
  });

  router.post('/views/import', savers, async (req, res) => {
    const now = new Date().toISOString();
    const author = authorOf(res);
    // The file's own authors and dates are claims nobody here can check: each version is recorded as
    // saved by the importer, now. Its snapshots stay, so reopening still tells what changed since.
    const versions = readExportFile(req.body).map((saved) => ({ ...saved, author, savedAt: now }));
    // New ids and a new share token: the file may come from another server, or be imported twice.
    const view = newView(author, currentUser(res)!.id, now);
    await store.create(view, versions);
    await audit.record(currentUser(res), { action: 'view-save', targetIds: [view.id] });
    const latest = versions.at(-1)!;
    const record: ViewRecord = { ...view, title: latest.title, updatedAt: now, currentVersion: latest.version };
    res
      .status(201)
      .location(`/api/views/${view.id}`)
      .json({ view: withLinks(record), version: versionInfo(latest), document: shown(latest.document) } satisfies SavedAnswer);
  });

  router.get('/views/shared/:shareId', async (req, res) => {
    const shareId = parse(ShareId, req.params.shareId, 'shareId');
    const id = await store.findShared(shareId);
    if (!id) throw new NotFound('No view has this share link (it may have been deleted)');
    res.json(await reopen(res, id, null));
  });

  router.get('/views/:id', async (req, res) => {
    res.json(await reopen(res, parse(ViewId, req.params.id, 'id'), null));
  });

  router.get('/views/:id/versions', async (req, res) => {
    const id = parse(ViewId, req.params.id, 'id');
    const found = await store.versions(id);
    if (!found || !mayRead(found.view, currentUser(res)!)) throw new NotFound(`No view with id "${id}"`);
    const reader = currentUser(res);
    res.json({
      view: withLinks(answers.viewRecord(reader, found.view)),
      versions: found.versions.map((version) => answers.versionInfo(reader, found.view, version)),
    } satisfies VersionListAnswer);
  });

  router.get('/views/:id/versions/:version', async (req, res) => {
    const id = parse(ViewId, req.params.id, 'id');
    const version = parse(VersionNumber, numberOrRaw(req.params.version), 'version');
    res.json(await reopen(res, id, version));
  });

  router.put('/views/:id', savers, async (req, res) => {
    const id = parse(ViewId, req.params.id, 'id');
    const { baseVersion, ...content } = parse(ViewUpdate, req.body);
    const current = await changeable(res, id);
    if (!current.version) throw new NotFound(`No view with id "${id}"`);
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
    await audit.record(currentUser(res), {
      action: 'view-save',
      targetIds: [id, ...content.elements.nodes, ...content.elements.edges],
      query: content.query?.name,
    });
    const record: ViewRecord = { ...current.view, title: document.title, updatedAt: saved.savedAt, currentVersion: outcome.currentVersion };
    const reader = currentUser(res);
    res.json({
      view: withLinks(answers.viewRecord(reader, record)),
      version: answers.versionInfo(reader, record, versionInfo({ ...saved, version: outcome.currentVersion })),
      document: answers.savedDocument(reader, record, shown(document)),
    } satisfies SavedAnswer);
  });

  router.put('/views/:id/visibility', savers, async (req, res) => {
    const id = parse(ViewId, req.params.id, 'id');
    const { visibility } = parse(VisibilityBody, req.body);
    const found = await changeable(res, id);
    if (!(await store.setVisibility(id, visibility))) throw new NotFound(`No view with id "${id}"`);
    await audit.record(currentUser(res), { action: 'view-share', targetIds: [id], parameters: { visibility } });
    res.json({ view: withLinks(answers.viewRecord(currentUser(res), { ...found.view, visibility })) });
  });

  router.delete('/views/:id', savers, async (req, res) => {
    const id = parse(ViewId, req.params.id, 'id');
    await changeable(res, id);
    await audit.record(currentUser(res), { action: 'view-delete', targetIds: [id] });
    if (!(await store.remove(id, authorOf(res), new Date().toISOString()))) throw new NotFound(`No view with id "${id}"`);
    res.status(204).end();
  });

  // A view file carries every version's query parameters (a searched name among them): not for viewers.
  router.get('/views/:id/export', savers, async (req, res) => {
    const id = parse(ViewId, req.params.id, 'id');
    const found = await store.versionsWithDocuments(id);
    if (!found || !mayRead(found.view, currentUser(res)!)) throw new NotFound(`No view with id "${id}"`);
    // Every version's words and element ids, with no graph to withhold them against: under REDACT=1 the owner's alone.
    if (!answers.readsViewWords(currentUser(res), found.view)) {
      throw new Forbidden('Under REDACT=1 only its owner may export a view: the file holds every version’s words.');
    }
    await audit.record(currentUser(res), { action: 'export', targetIds: [id], parameters: { format: 'view' } });
    res.attachment(exportFileName(found.view)).json(toExportFile(found.view, found.versions, new Date().toISOString()));
  });

  return router;
}

/** A view as first stored: new id and share token, private until its owner shares it (PUT /api/views/:id/visibility). */
function newView(author: string, owner: string, createdAt: string) {
  return {
    id: randomUUID(),
    shareId: randomBytes(16).toString('base64url'),
    author,
    owner,
    visibility: 'private' as const,
    createdAt,
  };
}
