// Parameters of find-shared-view.cypher.
import { z } from 'zod';
import { ShareId } from './view-params.ts';

export const params = z.object({ shareId: ShareId, limit: z.literal(1).default(1) });
