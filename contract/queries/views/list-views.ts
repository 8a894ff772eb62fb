// Parameters of list-views.cypher.
import { z } from 'zod';
import { ListPage, ViewRecordRow } from './view-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({
  viewerId: z.string().min(1),
  mine: z.boolean().default(false),
  offset: ListPage.shape.offset,
  /** One row past the largest page tells whether another page follows, without counting. */
  limit: z
    .number()
    .int()
    .min(1)
    .max(ListPage.shape.limit.unwrap().maxValue! + 1),
});

export const query = recordQuery({ name: 'list-views', params, row: ViewRecordRow });
