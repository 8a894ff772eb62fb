// Parameters of import-nodes.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';
import { ImportLookup } from '../params.ts';
import { AssertedElement } from './undo-params.ts';

const params = z.object({ importId: ImportLookup, limit: z.number().int().min(1).max(10_000_000) });

export const query = recordQuery({ name: 'import-nodes', params, row: AssertedElement });
