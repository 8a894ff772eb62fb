// Cases over /api/cases: every answer checked with the contract's schemas (contract/api/cases.ts).
import { z } from 'zod';
import { type AttachBody, CaseAnswer, CaseDetailAnswer, CaseItemAnswer, CaseListAnswer } from '../../../contract/api/cases.ts';
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
