// Parameters of save-view-version.cypher.
import { z } from 'zod';
import { VersionNumber, ViewAuthor, ViewId, ViewTitle } from './view-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({
  id: ViewId,
  baseVersion: VersionNumber,
  title: ViewTitle,
  author: ViewAuthor,
  savedAt: z.iso.datetime(),
  document: z.string().min(2),
});

export const query = recordQuery({ name: 'save-view-version', params, row: z.object({ currentVersion: z.number().int(), saved: z.boolean() }) });
