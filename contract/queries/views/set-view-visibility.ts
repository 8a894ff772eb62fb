// Parameters of set-view-visibility.cypher.
import { z } from 'zod';
import { ViewId, Visibility } from './view-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({ id: ViewId, visibility: Visibility });

export const query = recordQuery({ name: 'set-view-visibility', params, row: z.object({ id: z.string() }) });
