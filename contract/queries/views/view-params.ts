// Parameter schemas shared by the saved-view queries.
import { z } from 'zod';
import { StoredInstant } from '../params.ts';

/** A view's id: a random UUID, never one of the evidence graph's ids. */
export const ViewId = z.uuid('must be a view id (a UUID)');

/** 16 random bytes, base64url: unguessable, so knowing one view's link reveals no other. */
export const ShareId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'must be a share token (22 characters of A-Z, a-z, 0-9, "_" and "-")');

export const ViewTitle = z.string().min(1).max(200);

/** A user name for now; an account id once accounts exist. */
export const ViewAuthor = z.string().min(1).max(200);

/** Who may open a view: its owner only, or every signed-in user (the share link then works for them). */
export const Visibility = z.enum(['private', 'shared']);
export type Visibility = z.infer<typeof Visibility>;

/** The owning account's id; null for views saved before accounts existed. */
export const ViewOwner = z.string().min(1).max(200).nullable();

export const VersionNumber = z.number().int().min(1);

/** One stored version: the document is the JSON text of a server/views/saved-view.ts ViewDocument. */
export const ViewVersionRecord = z.object({
  version: VersionNumber,
  savedAt: z.iso.datetime(),
  author: ViewAuthor,
  title: ViewTitle,
  document: z.string().min(2),
});

/** A view's record, as lists show it. */
export const ViewRecordRow = z.object({
  id: ViewId,
  shareId: z.string(),
  title: z.string(),
  /** Who created it. Each version names who saved it. */
  author: z.string(),
  /** The owning account's id; null for a view saved before accounts. */
  owner: z.string().nullable().default(null),
  /** Views from before accounts had no owner and were open to everyone: they stay shared. */
  visibility: z.unknown().transform((value): Visibility => (value === 'private' ? 'private' : 'shared')),
  createdAt: StoredInstant,
  updatedAt: StoredInstant,
  currentVersion: VersionNumber,
});
export type ViewRecordRow = z.infer<typeof ViewRecordRow>;

/** One version's record, without its document. */
export const VersionRow = z.object({ version: VersionNumber, savedAt: StoredInstant, author: z.string(), title: z.string() });

/** One page of a list: the client asks for at most 200 rows at a time. */
export const ListPage = z.object({
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
