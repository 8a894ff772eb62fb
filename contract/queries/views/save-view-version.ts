// Parameters of save-view-version.cypher.
import { z } from 'zod';
import { VersionNumber, ViewAuthor, ViewId, ViewTitle } from './view-params.ts';

export const params = z.object({
  id: ViewId,
  baseVersion: VersionNumber,
  title: ViewTitle,
  author: ViewAuthor,
  savedAt: z.iso.datetime(),
  document: z.string().min(2),
});
