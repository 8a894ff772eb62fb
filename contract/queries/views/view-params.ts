// Parameter schemas shared by the saved-view queries.
import { z } from 'zod';

/** A view's id: a random UUID, never one of the evidence graph's ids. */
export const ViewId = z.uuid('must be a view id (a UUID)');

/** 16 random bytes, base64url: unguessable, so knowing one view's link reveals no other. */
export const ShareId = z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'must be a share token (22 characters of A-Z, a-z, 0-9, "_" and "-")');

export const ViewTitle = z.string().min(1).max(200);

/** A user name for now; an account id once accounts exist. */
export const ViewAuthor = z.string().min(1).max(200);

/** Who may open a view: its owner only, or every signed-in user (the share link then works for them). */
export const Visibility = z.enum(['private', 'shared']);

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
