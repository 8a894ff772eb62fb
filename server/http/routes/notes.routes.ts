// /api/notes: analysts' notes on nodes, links and views, and hypothesis links between two nodes. Kept
// apart from the evidence (`_Note` records), private to their author or shared like views, audited.
import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import type { z } from 'zod';
import { NoteBody, NoteFilter, NoteVisibilityBody, type NoteListAnswer } from '../../../contract/api/notes.ts';
import { NoteId, type NoteRow } from '../../../contract/queries/notes/note-params.ts';
import { badInputFrom, Forbidden, HttpProblem, NotFound, parseInput } from '../../errors.ts';
import type { NewNoteRecord, NoteWriteOutcome } from '../../queries/note-store.ts';
import type { User } from '../../queries/user-store.ts';
import { currentUser, requireRole } from '../auth-middleware.ts';
import { numberOrRaw } from '../query-string.ts';
import type { Services } from '../services.ts';

/** A 400 here says of an unknown key that it is not a field of a note. */
const parse = <T>(schema: z.ZodType<T>, value: unknown, field = ''): T =>
  parseInput(schema, value, field, (error, prefix) => badInputFrom(error, prefix, 'is not a field of a note'));

/** A private note is its author's alone, admins included; a shared one is every signed-in user's to read. */
export function mayReadNote(note: NoteRow, user: User): boolean {
  return note.visibility === 'shared' || note.owner === user.id;
}

/** Its author changes or deletes it; an admin may too once it is shared. */
function mayChange(note: NoteRow, user: User): boolean {
  return note.owner === user.id || (note.visibility === 'shared' && user.role === 'admin');
}

/** A note naming something that does not exist: 404, naming the field. Nothing was written. */
function missingEnd(outcome: NoteWriteOutcome, record: NewNoteRecord): HttpProblem {
  const [field, id] = outcome.targetExists ? ['toId', record.toId] : [record.kind === 'hypothesis' ? 'fromId' : 'targetId', record.targetId];
  const what = record.kind === 'hypothesis' || record.targetKind === 'node' ? 'node' : record.targetKind;
  const reason = `no ${what} with id "${id}" exists (nothing was written)`;
  return new HttpProblem(404, 'Not found', `${field}: ${reason}`, [{ field, reason }]);
}

export function notesRoutes({ notes: store, audit, answers }: Services): Router {
  const router = Router();
  const writers = requireRole('analyst', 'admin');
  const user = (res: Response) => currentUser(res)!;

  async function changeable(res: Response, id: string): Promise<NoteRow> {
    const note = await store.read(id);
    if (!note || !mayReadNote(note, user(res))) throw new NotFound(`No note with id "${id}"`);
    if (!mayChange(note, user(res))) throw new Forbidden('Only the author of this note (or an admin, once it is shared) may change it.');
    return note;
  }

  router.post('/notes', writers, async (req, res) => {
    const body = parse(NoteBody, req.body);
    const author = user(res);
    const record: NewNoteRecord = {
      id: randomUUID(),
      kind: body.kind,
      targetKind: body.kind === 'note' ? body.targetKind : 'node',
      targetId: body.kind === 'note' ? body.targetId : body.fromId,
      toId: body.kind === 'hypothesis' ? body.toId : null,
      caption: body.kind === 'hypothesis' ? body.caption : null,
      text: body.text,
      tags: body.tags,
      author: author.username,
      owner: author.id,
      visibility: body.visibility,
      createdAt: new Date().toISOString(),
    };
    const outcome = await store.create(record);
    if (!outcome.written) throw missingEnd(outcome, record);
    await audit.record(author, {
      action: 'note-write',
      targetIds: [record.id, record.targetId, ...(record.toId ? [record.toId] : [])],
      parameters: { kind: record.kind, visibility: record.visibility },
    });
    res
      .status(201)
      .location(`/api/notes/${record.id}`)
      .json({ note: answers.note(author, record) });
  });

  router.get('/notes', async (req, res) => {
    const filter = parse(NoteFilter, { target: req.query.target, q: req.query.q, limit: numberOrRaw(req.query.limit) });
    const rows = await store.list(user(res).id, filter.target ?? null, answers.noteSearch(user(res), filter.q ?? null), filter.limit);
    res.json({ notes: await answers.notes(user(res), rows, filter.target ?? []), limit: filter.limit } satisfies NoteListAnswer);
  });

  router.get('/notes/:id', async (req, res) => {
    const id = parse(NoteId, req.params.id, 'id');
    const note = await store.read(id);
    if (!note || !mayReadNote(note, user(res))) throw new NotFound(`No note with id "${id}"`);
    const [shown] = await answers.notes(user(res), [note], []);
    res.json({ note: shown });
  });

  router.put('/notes/:id/visibility', writers, async (req, res) => {
    const id = parse(NoteId, req.params.id, 'id');
    const { visibility } = parse(NoteVisibilityBody, req.body);
    const note = await changeable(res, id);
    if (!(await store.setVisibility(id, visibility))) throw new NotFound(`No note with id "${id}"`);
    await audit.record(user(res), { action: 'note-share', targetIds: [id], parameters: { visibility } });
    res.json({ note: answers.note(user(res), { ...note, visibility }) });
  });

  router.delete('/notes/:id', writers, async (req, res) => {
    const id = parse(NoteId, req.params.id, 'id');
    await changeable(res, id);
    await audit.record(user(res), { action: 'note-delete', targetIds: [id] });
    if (!(await store.remove(id, user(res).username, new Date().toISOString()))) throw new NotFound(`No note with id "${id}"`);
    res.status(204).end();
  });

  return router;
}
