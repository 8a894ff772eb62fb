// Parameters of find-shared-view.cypher.
import { z } from 'zod';
import { ShareId } from './view-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({ shareId: ShareId, limit: z.literal(1).default(1) });

export const query = recordQuery({ name: 'find-shared-view', params, row: z.object({ id: z.string() }) });
