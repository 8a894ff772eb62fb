// The OpenAPI operations of /api/notes (analysts' notes and hypothesis links) and of a chain's sanctions, from the schemas the routes check.
import { NoteBody, NoteFilter, NoteVisibilityBody } from '../../contract/api/notes.ts';
import { NoteId } from '../../contract/queries/notes/note-params.ts';
import { AsOf, EntityId } from '../../contract/queries/params.ts';
import { z } from 'zod';
import { type Operation, problem, problems } from './openapi-types.ts';

const notePath = { id: NoteId };

export const noteOperations: Operation[] = [
  {
    method: 'post',
    path: '/api/notes',
    summary: 'Write a note on a node, link or view, or a hypothesis link between two nodes (never evidence)',
    tag: 'notes',
    body: NoteBody,
    responses: { 201: { description: 'Written' }, ...problems },
  },
  {
    method: 'get',
    path: '/api/notes',
    summary: 'Notes and hypothesis links this user may read, on given ids and/or holding a text in words they receive (a redacted reader: their own)',
    tag: 'notes',
    query: NoteFilter,
    responses: { 200: { description: 'Notes, newest first' }, 400: problems[400] },
  },
  {
    method: 'get',
    path: '/api/notes/{id}',
    summary: 'One note',
    tag: 'notes',
    pathParams: notePath,
    responses: { 200: { description: 'The note' }, ...problems },
  },
  {
    method: 'put',
    path: '/api/notes/{id}/visibility',
    summary: 'Share a note with every signed-in user, or make it private again (its author, or an admin once shared)',
    tag: 'notes',
    pathParams: notePath,
    body: NoteVisibilityBody,
    responses: { 200: { description: 'The note' }, 403: problem('Not the author'), ...problems },
  },
  {
    method: 'delete',
    path: '/api/notes/{id}',
    summary: 'Delete a note',
    tag: 'notes',
    pathParams: notePath,
    responses: { 204: { description: 'Deleted' }, 403: problem('Not the author'), ...problems },
  },
  {
    method: 'get',
    path: '/api/chain/{id}/sanctions',
    summary: 'Who in the chain of command is sanctioned (by whom, when, under which measure) and who is not',
    tag: 'graph',
    pathParams: { id: EntityId },
    query: z.object({ asOf: AsOf, limit: z.number().int().min(1).max(200).default(50) }),
    responses: { 200: { description: 'The chain, the designations, and summary.sanctioned / summary.notSanctioned', schema: 'Result' }, ...problems },
  },
];
