// Parameters of delete-view.cypher.
import { z } from 'zod';
import { ViewAuthor, ViewId } from './view-params.ts';

export const params = z.object({ id: ViewId, deletedAt: z.iso.datetime(), author: ViewAuthor });
