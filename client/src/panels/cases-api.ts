// Cases over /api/cases: every answer checked with the contract's schemas (contract/api/cases.ts).
import { z } from 'zod';
import { type AttachBody, CaseAnswer, CaseDetailAnswer, CaseItemAnswer, CaseListAnswer } from '../../../contract/api/cases.ts';
import { JudgementRow } from '../../../contract/api/identity.ts';
import { NoteListAnswer } from '../../../contract/api/notes.ts';
import { OpenedAnswer } from '../../../contract/api/views.ts';
import { requestJson } from '../api.ts';

const OneCase = z.object({ case: CaseAnswer });
const path = (id: string, rest = '') => `/api/cases/${encodeURIComponent(id)}${rest}`;

export function listCases(signal?: AbortSignal): Promise<CaseListAnswer> {
  return requestJson('GET', '/api/cases', CaseListAnswer, { signal });
}

export function readCase(id: string, signal?: AbortSignal): Promise<CaseDetailAnswer> {
  return requestJson('GET', path(id), CaseDetailAnswer, { signal });
}

export async function createCase(name: string): Promise<CaseAnswer> {
  return (await requestJson('POST', '/api/cases', OneCase, { body: { name } })).case;
}

export async function addMember(id: string, username: string): Promise<CaseAnswer> {
  return (await requestJson('POST', path(id, '/members'), OneCase, { body: { username } })).case;
}

export async function attachItem(id: string, item: AttachBody): Promise<CaseItemAnswer> {
  return (await requestJson('POST', path(id, '/items'), z.object({ item: CaseItemAnswer }), { body: item })).item;
}

/** A view the case holds, as a saved view opens: for every reader of the case. */
export function openCaseView(id: string, viewId: string): Promise<OpenedAnswer> {
  return requestJson('GET', path(id, `/views/${encodeURIComponent(viewId)}`), OpenedAnswer);
}

export async function renameCase(id: string, name: string): Promise<CaseAnswer> {
  return (await requestJson('PUT', path(id), OneCase, { body: { name } })).case;
}

export async function deleteCase(id: string): Promise<void> {
  await requestJson('DELETE', path(id), null);
}

export async function removeMember(id: string, username: string): Promise<CaseAnswer> {
  return (await requestJson('DELETE', path(id, `/members/${encodeURIComponent(username)}`), OneCase)).case;
}

export async function detachItem(id: string, itemId: string): Promise<void> {
  await requestJson('DELETE', path(id, `/items/${encodeURIComponent(itemId)}`), null);
}

/** The notes this account may read (its own and those shared), newest first, to gather into a case. */
export async function readableNotes(signal?: AbortSignal): Promise<NoteListAnswer['notes']> {
  return (await requestJson('GET', '/api/notes?limit=200', NoteListAnswer, { signal, expecting: 'notes' })).notes;
}

/** Identity judgements standing (not retracted), to gather into a case. */
export async function standingJudgements(signal?: AbortSignal): Promise<JudgementRow[]> {
  const { judgements } = await requestJson('GET', '/api/identity/judgements', z.object({ judgements: z.array(JudgementRow) }), {
    signal,
    expecting: 'judgements',
  });
  return judgements.filter((judgement) => judgement.retractedAt === null);
}
