// Parameters of list-notes.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';
import { NoteRow, NoteTargetId } from './note-params.ts';

const params = z.object({
  viewerId: z.string().min(1),
  targetIds: z.array(NoteTargetId).min(1).max(1_000).nullable(),
  text: z.string().min(1).max(200).nullable(),
  wordsOf: z.array(z.string().min(1)).max(1).nullable(),
  limit: z.number().int().min(1).max(500),
});

export const query = recordQuery({ name: 'list-notes', params, row: NoteRow });
