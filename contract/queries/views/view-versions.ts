// Parameters of view-versions.cypher.
import { z } from 'zod';
import { ViewId } from './view-params.ts';

export const params = z.object({ id: ViewId, withDocuments: z.boolean() });
