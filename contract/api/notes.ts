// What the client sends to /api/notes and what it gets back: analysts' notes and hypothesis links,
// the analysts' words kept apart from the evidence (never a source, never a link of a chain by themselves).
import { z } from 'zod';
import { HypothesisCaption, NoteRow, NoteTags, NoteTargetId, NoteTargetKind, NoteText, NoteVisibility } from '../queries/notes/note-params.ts';

/** A note on a node, a link or a saved view. Private until its author shares it, like a view. */
export const NewNote = z
  .object({
    kind: z.literal('note'),
    targetKind: NoteTargetKind,
    targetId: NoteTargetId,
    text: NoteText,
    tags: NoteTags,
    visibility: NoteVisibility.default('private'),
  })
  .strict();

/** A link an analyst believes in and the evidence does not show: from one node to another, with what it says and why. */
export const NewHypothesis = z
  .object({
    kind: z.literal('hypothesis'),
    fromId: NoteTargetId,
    toId: NoteTargetId,
    caption: HypothesisCaption,
    text: NoteText,
    tags: NoteTags,
    visibility: NoteVisibility.default('private'),
  })
  .strict()
  .refine((body) => body.fromId !== body.toId, { path: ['toId'], message: 'must differ from fromId: a hypothesis joins two nodes' });

export const NoteBody = z.discriminatedUnion('kind', [NewNote, NewHypothesis]);
export type NoteBody = z.input<typeof NoteBody>;

export const NoteVisibilityBody = z.object({ visibility: NoteVisibility }).strict();

/** GET /api/notes: notes on these ids (a node's, a link's or a view's; comma-separated), and/or holding this text. */
export const NoteFilter = z.object({
  target: z
    .string()
    .max(20_000)
    .transform((list) => list.split(',').filter(Boolean))
    .pipe(z.array(NoteTargetId).min(1).max(1_000))
    .optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.number().int().min(1).max(500).default(100),
});

/** A note as the API answers it; `words` false when its text, caption and tags were withheld from this reader.
 *  The stored row's fields, read back as plain strings (the id and the instant were checked when stored). */
export const NoteAnswer = NoteRow.extend({
  id: z.string(),
  createdAt: z.string(),
  /** Never evidence: what the inspector and reports say of every note. */
  evidence: z.literal(false),
  words: z.boolean(),
});
export type NoteAnswer = z.infer<typeof NoteAnswer>;

export const NoteListAnswer = z.object({ notes: z.array(NoteAnswer), limit: z.number() });
export type NoteListAnswer = z.infer<typeof NoteListAnswer>;

/** The edge type a hypothesis link has in a Result: not a relationship type of the model, so never mistaken for one. */
export const HYPOTHESIS_EDGE_TYPE = 'HYPOTHESIS';

/** GET /api/chain/:id?hypotheses=include: chains may then start with a hypothesis link, each marked as such. */
export const ChainHypotheses = z.enum(['exclude', 'include']);
