// What the client sends to /api/cases and what it gets back: named investigations that gather saved
// views, analysts' notes, identity judgements and exports, shared with named accounts only.
import { z } from 'zod';
import { JudgementId, JudgementRow } from '../queries/identity/identity-params.ts';
import { NoteId } from '../queries/notes/note-params.ts';
import { CaseItemKind, CaseName } from '../queries/cases/case-params.ts';
import { ViewId, ViewRecordRow } from '../queries/views/view-params.ts';
import { ExportFormat } from './export.ts';
import { NoteAnswer } from './notes.ts';

export const CaseBody = z.object({ name: CaseName }).strict();

/** A member is named by login name, as people know each other. */
export const MemberBody = z.object({ username: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters') }).strict();

/**
 * What a case may gather. The app keeps no record of an export beyond its audit entry, so an export in
 * a case is a saved view and the format it is exported in: the file is made from the view when asked.
 */
export const AttachBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('view'), id: ViewId }).strict(),
  z.object({ kind: z.literal('note'), id: NoteId }).strict(),
  z.object({ kind: z.literal('judgement'), id: JudgementId }).strict(),
  z.object({ kind: z.literal('export'), id: ViewId, format: ExportFormat }).strict(),
]);
export type AttachBody = z.input<typeof AttachBody>;

export const CaseMember = z.object({ id: z.string(), username: z.string() });

/** A case's record; `words` false when its name was withheld from this reader (a redacted reader not its owner). */
export const CaseAnswer = z.object({
  id: z.string(),
  name: z.string(),
  owner: z.string(),
  ownerName: z.string(),
  members: z.array(CaseMember),
  createdAt: z.string(),
  updatedAt: z.string(),
  words: z.boolean(),
});
export type CaseAnswer = z.infer<typeof CaseAnswer>;

export const CaseListAnswer = z.object({ cases: z.array(CaseAnswer.extend({ items: z.number().int() })) });
export type CaseListAnswer = z.infer<typeof CaseListAnswer>;

/**
 * One item as this reader may see it. `available` false when what it names was deleted, or is withheld
 * from this reader (`reason` says which); then none of view, note or judgement is given.
 */
export const CaseItemAnswer = z.object({
  id: z.string(),
  kind: CaseItemKind,
  itemId: z.string(),
  format: ExportFormat.nullable(),
  addedBy: z.string(),
  addedAt: z.string(),
  available: z.boolean(),
  reason: z.string().nullable(),
  view: ViewRecordRow.nullable(),
  note: NoteAnswer.nullable(),
  judgement: JudgementRow.nullable(),
});
export type CaseItemAnswer = z.infer<typeof CaseItemAnswer>;

export const CaseDetailAnswer = z.object({ case: CaseAnswer, items: z.array(CaseItemAnswer) });
export type CaseDetailAnswer = z.infer<typeof CaseDetailAnswer>;
