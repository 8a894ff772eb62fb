// Talks to /api/notes: analysts' notes and hypothesis links, each answer checked with the contract's schemas.
import { z } from 'zod';
import { NoteAnswer, type NoteBody, NoteListAnswer } from '../../../contract/api/notes.ts';
import { requestJson } from '../api.ts';

/** Notes this account may read on a node, a link or a view (a hypothesis counts for both its nodes). */
export async function fetchNotes(targetId: string, signal?: AbortSignal): Promise<NoteAnswer[]> {
  const answer = await requestJson('GET', `/api/notes?${new URLSearchParams({ target: targetId })}`, NoteListAnswer, { signal, expecting: 'notes' });
  return answer.notes;
}

export async function writeNote(body: NoteBody): Promise<NoteAnswer> {
  return (await requestJson('POST', '/api/notes', z.object({ note: NoteAnswer }), { body, expecting: 'a note' })).note;
}
