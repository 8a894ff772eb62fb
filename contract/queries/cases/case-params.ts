// Parameter schemas and rows of cases: named investigations gathering views, notes, judgements and
// exports, shared with named accounts. Stored as `_Case` and `_CaseItem` records, apart from the evidence.
import { z } from 'zod';
import { StableId } from '../../model/provenance.ts';

/** How much one case may hold: an investigation's working set, read whole when the case opens. */
export const CASE_LIMITS = { name: 120, members: 50, items: 500 } as const;

export const CaseId = z.uuid('must be a case id (a UUID)');
export const CaseItemId = z.uuid('must be a case item id (a UUID)');

export const CaseName = z.string().trim().min(1, 'must not be empty').max(CASE_LIMITS.name, `must be at most ${CASE_LIMITS.name} characters`);

/** What a case gathers: a saved view, a note, an identity judgement, or an export of a saved view. */
export const CaseItemKind = z.enum(['view', 'note', 'judgement', 'export']);
export type CaseItemKind = z.infer<typeof CaseItemKind>;

/** The id a case item points at: a view's, a note's or a judgement's (all UUIDs), kept as any stable id. */
export const CaseItemTarget = StableId;

/** A stored date-time as the ISO instant the API answers with. */
const StoredInstant = z.string().transform((text) => new Date(text).toISOString());

/** A case's record. `members` and `memberNames` run in step: the accounts it is shared with. */
export const CaseRow = z.object({
  id: CaseId,
  name: z.string(),
  owner: z.string(),
  ownerName: z.string(),
  members: z.array(z.string()),
  memberNames: z.array(z.string()),
  createdAt: StoredInstant,
  updatedAt: StoredInstant,
});
export type CaseRow = z.infer<typeof CaseRow>;

/** One thing a case gathers, by id; `format` only for an export. */
export const CaseItemRow = z.object({
  id: CaseItemId,
  kind: CaseItemKind,
  itemId: z.string(),
  format: z.string().nullable(),
  addedBy: z.string(),
  addedAt: StoredInstant,
});
export type CaseItemRow = z.infer<typeof CaseItemRow>;
