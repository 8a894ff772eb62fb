// Parameters of create-note.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';
import { HypothesisCaption, NoteId, NoteKind, NoteTags, NoteTargetId, NoteTargetKind, NoteText, NoteVisibility } from './note-params.ts';

const params = z.object({
  id: NoteId,
  kind: NoteKind,
  targetKind: NoteTargetKind,
  targetId: NoteTargetId,
  toId: NoteTargetId.nullable(),
  caption: HypothesisCaption.nullable(),
  text: NoteText,
  tags: NoteTags,
  author: z.string().min(1).max(200),
  owner: z.string().min(1).max(200),
  visibility: NoteVisibility,
  createdAt: z.iso.datetime(),
});

export const query = recordQuery({
  name: 'create-note',
  params,
  row: z.object({ targetExists: z.boolean(), toExists: z.boolean(), written: z.boolean() }),
});
