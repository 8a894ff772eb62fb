// Parameters of delete-view.cypher.
import { z } from 'zod';
import { ViewAuthor, ViewId } from './view-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({ id: ViewId, deletedAt: z.iso.datetime(), author: ViewAuthor });

export const query = recordQuery({ name: 'delete-view', params, row: z.object({ id: z.string() }) });
