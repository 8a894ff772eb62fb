// /api/cases: named investigations that gather saved views, analysts' notes, identity judgements and
// exports, shared with named accounts rather than with everyone. A case's content is its owner's, its
// members' and admins' to read; each item reaches a reader through the same withholding as when read
// directly, so a viewer member gets it as a viewer. Every change is audited.
import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import type { z } from 'zod';
import { AttachBody, CaseBody, type CaseDetailAnswer, type CaseItemAnswer, type CaseListAnswer, MemberBody } from '../../../contract/api/cases.ts';
import type { ExportFormat } from '../../../contract/api/export.ts';
import type { NoteAnswer } from '../../../contract/api/notes.ts';
import { CASE_LIMITS, CaseId, CaseItemId, type CaseItemRow, type CaseRow } from '../../../contract/queries/cases/case-params.ts';
import type { NoteRow } from '../../../contract/queries/notes/note-params.ts';
import { ViewId } from '../../../contract/queries/views/view-params.ts';
import { badInputFrom, Forbidden, HttpProblem, parseInput } from '../../errors.ts';
import type { User } from '../../queries/user-store.ts';
import type { ViewRecord } from '../../queries/view-store.ts';
import { currentUser, requireRole } from '../auth-middleware.ts';
import type { Services } from '../services.ts';
import { mayReadNote } from './notes.routes.ts';
import { mayRead as mayReadView, openedAnswer } from './views.routes.ts';

const parse = <T>(schema: z.ZodType<T>, value: unknown, field = ''): T =>
  parseInput(schema, value, field, (error, prefix) => badInputFrom(error, prefix, 'is not a field of a case'));

/** A problem naming the field it is about: 404 when what it names does not exist (for this caller), 409 when the case refuses it. */
function fieldProblem(status: 404 | 409, field: string, reason: string): HttpProblem {
  return new HttpProblem(status, status === 404 ? 'Not found' : 'Conflict', `${field}: ${reason} (nothing was changed)`, [{ field, reason }]);
}

type Access = 'owner' | 'member' | 'admin';

/** Who the caller is to this case: its owner, a member, an admin (who may read every case), or nobody. */
function accessOf(record: CaseRow, user: User): Access | null {
  if (record.owner === user.id) return 'owner';
  if (record.members.includes(user.id)) return 'member';
  return user.role === 'admin' ? 'admin' : null;
}

const JUDGEMENTS_WITHHELD = 'identity judgements are for analysts and admins';

export function casesRoutes({ cases: store, views, viewGraph, notes, users, audit, answers }: Services): Router {
  const router = Router();
  const writers = requireRole('analyst', 'admin');
  const user = (res: Response) => currentUser(res)!;

  /** A case this caller may read, or 404: another account's case does not exist, as far as they can tell. */
  async function readable(res: Response, id: string) {
    const found = await store.read(id);
    const access = found && accessOf(found.record, user(res));
    if (!found || !access) throw fieldProblem(404, 'id', `no case with id "${id}"`);
    return { ...found, access };
  }

  /** Only its owner (or, for its members, an admin too) changes what a case is and who shares it. */
  async function managed(res: Response, id: string, adminToo: boolean) {
    const found = await readable(res, id);
    if (found.access === 'owner' || (adminToo && user(res).role === 'admin')) return found;
    throw new Forbidden(adminToo ? 'Only the owner of this case (or an admin) may change who shares it.' : 'Only the owner of this case may change it.');
  }

  /** The account a member name names: 404 naming `username` when there is none (or it is disabled). */
  async function accountNamed(username: string): Promise<User> {
    const account = await users.findForLogin(username);
    if (!account || account.disabled) throw fieldProblem(404, 'username', `no account named "${username}"`);
    return { id: account.id, username: account.username, role: account.role };
  }

  /** The view an item names, if this caller may read it directly: what attaching it asks. */
  async function readableView(id: string, caller: User): Promise<ViewRecord | null> {
    const found = await views.read(id, null);
    return found && mayReadView(found.view, caller) ? found.view : null;
  }

  /** Each item as this reader receives it, through the withholding its kind has when read directly. */
  async function shownItems(reader: User, items: CaseItemRow[]): Promise<CaseItemAnswer[]> {
    const ofKind = (...kinds: CaseItemRow['kind'][]) => items.filter((item) => kinds.includes(item.kind)).map((item) => item.itemId);
    const viewRecords = new Map<string, ViewRecord>();
    for (const id of new Set(ofKind('view', 'export'))) {
      const found = await views.read(id, null);
      if (found) viewRecords.set(id, answers.viewRecord(reader, found.view));
    }
    const noteRows: NoteRow[] = [];
    for (const id of ofKind('note')) {
      const row = await notes.read(id);
      if (row) noteRows.push(row);
    }
    const noteAnswers = new Map<string, NoteAnswer>(noteRows.length === 0 ? [] : (await answers.notes(reader, noteRows, [])).map((note) => [note.id, note]));
    const judgementsShown = reader.role !== 'viewer';
    const judgements = new Map(judgementsShown ? (await store.judgements(ofKind('judgement'))).map((row) => [row.id, row]) : []);
    return items.map((item) => {
      const view = item.kind === 'view' || item.kind === 'export' ? (viewRecords.get(item.itemId) ?? null) : null;
      const note = item.kind === 'note' ? (noteAnswers.get(item.itemId) ?? null) : null;
      const judgement = item.kind === 'judgement' ? (judgements.get(item.itemId) ?? null) : null;
      const available = view !== null || note !== null || judgement !== null;
      const reason = available
        ? null
        : item.kind === 'judgement' && !judgementsShown
          ? JUDGEMENTS_WITHHELD
          : `the ${item.kind === 'export' ? 'view' : item.kind} was deleted`;
      return { ...item, format: item.format as ExportFormat | null, available, reason, view, note, judgement };
    });
  }

  router.post('/cases', writers, async (req, res) => {
    const { name } = parse(CaseBody, req.body);
    const owner = user(res);
    const record = { id: randomUUID(), name, owner: owner.id, ownerName: owner.username, createdAt: new Date().toISOString() };
    const outcome = await store.create(record);
    if (outcome.duplicate) throw fieldProblem(409, 'name', `you already have a case named "${name}"`);
    await audit.record(owner, { action: 'case-create', targetIds: [record.id], parameters: { name } });
    const created: CaseRow = { ...record, members: [], memberNames: [], updatedAt: record.createdAt };
    res
      .status(201)
      .location(`/api/cases/${record.id}`)
      .json({ case: answers.caseRecord(owner, created) });
  });

  router.get('/cases', async (_req, res) => {
    const rows = await store.list(user(res).id, 500);
    res.json({ cases: rows.map(({ items, ...row }) => ({ ...answers.caseRecord(user(res), row), items })) } satisfies CaseListAnswer);
  });

  router.get('/cases/:id', async (req, res) => {
    const id = parse(CaseId, req.params.id, 'id');
    const found = await readable(res, id);
    await audit.record(user(res), { action: 'case-read', targetIds: [id, ...found.items.map((item) => item.itemId)] });
    res.json({ case: answers.caseRecord(user(res), found.record), items: await shownItems(user(res), found.items) } satisfies CaseDetailAnswer);
  });

  // A view in a case opens for every reader of the case, its owner's private view included: attaching
  // it was its owner sharing it with the case's members. It opens withheld for the reader as ever.
  router.get('/cases/:id/views/:viewId', async (req, res) => {
    const id = parse(CaseId, req.params.id, 'id');
    const viewId = parse(ViewId, req.params.viewId, 'viewId');
    const found = await readable(res, id);
    if (!found.items.some((item) => (item.kind === 'view' || item.kind === 'export') && item.itemId === viewId)) {
      throw fieldProblem(404, 'viewId', `case "${id}" holds no view with id "${viewId}"`);
    }
    const view = await views.read(viewId, null);
    if (!view?.version) throw fieldProblem(404, 'viewId', `the view "${viewId}" was deleted`);
    res.json(await openedAnswer({ viewGraph, answers }, user(res), { view: view.view, version: view.version }));
  });

  router.put('/cases/:id', writers, async (req, res) => {
    const id = parse(CaseId, req.params.id, 'id');
    const { name } = parse(CaseBody, req.body);
    const found = await managed(res, id, false);
    const outcome = await store.rename(id, name);
    if (!outcome) throw fieldProblem(404, 'id', `no case with id "${id}"`);
    if (outcome.duplicate) throw fieldProblem(409, 'name', `you already have a case named "${name}"`);
    await audit.record(user(res), { action: 'case-rename', targetIds: [id], parameters: { name } });
    res.json({ case: answers.caseRecord(user(res), { ...found.record, name }) });
  });

  router.delete('/cases/:id', writers, async (req, res) => {
    const id = parse(CaseId, req.params.id, 'id');
    await managed(res, id, false);
    await audit.record(user(res), { action: 'case-delete', targetIds: [id] });
    if (!(await store.remove(id, user(res).username))) throw fieldProblem(404, 'id', `no case with id "${id}"`);
    res.status(204).end();
  });

  router.post('/cases/:id/members', writers, async (req, res) => {
    const id = parse(CaseId, req.params.id, 'id');
    const { username } = parse(MemberBody, req.body);
    const found = await managed(res, id, true);
    const member = await accountNamed(username);
    if (member.id === found.record.owner) throw fieldProblem(409, 'username', `"${username}" owns this case`);
    if (!found.record.members.includes(member.id) && found.record.members.length >= CASE_LIMITS.members) {
      throw fieldProblem(409, 'username', `a case is shared with at most ${CASE_LIMITS.members} accounts`);
    }
    if (!(await store.setMember(id, member, true))) throw fieldProblem(404, 'id', `no case with id "${id}"`);
    await audit.record(user(res), { action: 'case-member-add', targetIds: [id, member.id] });
    res.json({ case: answers.caseRecord(user(res), (await store.read(id))?.record ?? found.record) });
  });

  router.delete('/cases/:id/members/:username', writers, async (req, res) => {
    const id = parse(CaseId, req.params.id, 'id');
    const { username } = parse(MemberBody, { username: req.params.username });
    const found = await managed(res, id, true);
    const member = await accountNamed(username);
    if (!found.record.members.includes(member.id)) throw fieldProblem(404, 'username', `"${username}" is not a member of this case`);
    if (!(await store.setMember(id, member, false))) throw fieldProblem(404, 'id', `no case with id "${id}"`);
    await audit.record(user(res), { action: 'case-member-remove', targetIds: [id, member.id] });
    res.json({ case: answers.caseRecord(user(res), (await store.read(id))?.record ?? found.record) });
  });

  router.post('/cases/:id/items', writers, async (req, res) => {
    const id = parse(CaseId, req.params.id, 'id');
    const body = parse(AttachBody, req.body);
    const found = await readable(res, id);
    const caller = user(res);
    const exists =
      body.kind === 'view' || body.kind === 'export'
        ? (await readableView(body.id, caller)) !== null
        : body.kind === 'note'
          ? await notes.read(body.id).then((note) => note !== null && mayReadNote(note, caller))
          : (await store.judgements([body.id])).length > 0;
    const what = body.kind === 'export' ? 'view' : body.kind;
    if (!exists) throw fieldProblem(404, 'id', `no ${what} with id "${body.id}" that you may read`);
    const format = body.kind === 'export' ? body.format : null;
    const already = found.items.some((item) => item.kind === body.kind && item.itemId === body.id && item.format === format);
    if (!already && found.items.length >= CASE_LIMITS.items) throw fieldProblem(409, 'id', `a case gathers at most ${CASE_LIMITS.items} items`);
    const item = await store.attach(id, { id: randomUUID(), kind: body.kind, itemId: body.id, format, addedBy: caller.username });
    if (!item) throw fieldProblem(404, 'id', `no case with id "${id}"`);
    await audit.record(caller, { action: 'case-attach', targetIds: [id, body.id], parameters: { kind: body.kind, ...(format ? { format } : {}) } });
    const [shown] = await shownItems(caller, [item]);
    res.status(already ? 200 : 201).json({ item: shown });
  });

  router.delete('/cases/:id/items/:itemId', writers, async (req, res) => {
    const id = parse(CaseId, req.params.id, 'id');
    const itemId = parse(CaseItemId, req.params.itemId, 'itemId');
    await readable(res, id);
    if (!(await store.detach(id, itemId))) throw fieldProblem(404, 'itemId', `case "${id}" has no item with id "${itemId}"`);
    await audit.record(user(res), { action: 'case-detach', targetIds: [id, itemId] });
    res.status(204).end();
  });

  return router;
}
