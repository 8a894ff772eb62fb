// Parameters of node-id-key.cypher.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const hexKey = z.string().regex(/^[0-9a-f]{64}$/, 'must be 32 bytes as hex');

export const query = recordQuery({ name: 'node-id-key', params: z.object({ candidate: hexKey }), row: z.object({ key: hexKey }) });
