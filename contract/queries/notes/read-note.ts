// Parameters of read-note.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';
import { NoteId, NoteRow } from './note-params.ts';

export const query = recordQuery({ name: 'read-note', params: z.object({ id: NoteId }), row: NoteRow });
