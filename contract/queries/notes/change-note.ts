// Parameters of change-note.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';
import { NoteId, NoteVisibility } from './note-params.ts';

const params = z.object({
  id: NoteId,
  visibility: NoteVisibility.nullable(),
  deletedAt: z.iso.datetime().nullable(),
  deletedBy: z.string().min(1).max(200).nullable(),
});

export const query = recordQuery({ name: 'change-note', params, row: z.object({ id: NoteId }) });
