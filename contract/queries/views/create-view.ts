// Parameters of create-view.cypher.
import { z } from 'zod';
import { MAX_VIEW_VERSIONS } from './ceilings.ts';
import { ShareId, ViewAuthor, ViewId, ViewOwner, ViewTitle, ViewVersionRecord, Visibility } from './view-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({
  id: ViewId,
  shareId: ShareId,
  title: ViewTitle,
  author: ViewAuthor,
  owner: ViewOwner,
  visibility: Visibility,
  createdAt: z.iso.datetime(),
  versions: z
    .array(ViewVersionRecord)
    .min(1)
    .max(MAX_VIEW_VERSIONS)
    .refine((versions) => versions.every((saved, index) => saved.version === index + 1), 'must be numbered 1..n in order'),
});

export const query = recordQuery({ name: 'create-view', params, row: z.object({ id: z.string(), currentVersion: z.number().int() }) });
