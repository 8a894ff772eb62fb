// Parameter schemas and rows of analysts' notes and hypothesis links: the analysts' words, stored as
// `_Note` records apart from the evidence graph, never a source and never a link of it.
import { z } from 'zod';
import { StableId } from '../../model/provenance.ts';
import { StoredInstant } from '../params.ts';
import { Visibility } from '../views/view-params.ts';

/** How much one note may hold: a note is a paragraph or a page, not a document store. */
export const NOTE_LIMITS = { text: 4_000, tags: 20, tag: 40, caption: 80 } as const;

export const NoteId = z.uuid('must be a note id (a UUID)');

/** A note annotates an evidence node, an evidence link or a saved view; a hypothesis joins two nodes. */
export const NoteTargetKind = z.enum(['node', 'link', 'view']);
export type NoteTargetKind = z.infer<typeof NoteTargetKind>;

export const NoteKind = z.enum(['note', 'hypothesis']);
export type NoteKind = z.infer<typeof NoteKind>;

export const NoteText = z.string().trim().min(1, 'must not be empty').max(NOTE_LIMITS.text, `must be at most ${NOTE_LIMITS.text} characters`);
export const NoteTag = z.string().trim().min(1, 'must not be empty').max(NOTE_LIMITS.tag, `must be at most ${NOTE_LIMITS.tag} characters`);
export const NoteTags = z.array(NoteTag).max(NOTE_LIMITS.tags, `must be at most ${NOTE_LIMITS.tags} tags`).default([]);
/** What a hypothesis link says, read from its first node to its second ("reports to", "ordered"). */
export const HypothesisCaption = z.string().trim().min(1, 'must not be empty').max(NOTE_LIMITS.caption, `must be at most ${NOTE_LIMITS.caption} characters`);

export { StableId as NoteTargetId, Visibility as NoteVisibility };

/** One note or hypothesis as stored. `toId` and `caption` are set on hypotheses only. */
export const NoteRow = z.object({
  id: NoteId,
  kind: NoteKind,
  targetKind: NoteTargetKind,
  targetId: z.string(),
  toId: z.string().nullable(),
  caption: z.string().nullable(),
  text: z.string(),
  tags: z.array(z.string()),
  author: z.string(),
  owner: z.string(),
  visibility: Visibility,
  createdAt: StoredInstant,
});
export type NoteRow = z.infer<typeof NoteRow>;
