// Parameters of record-audit.cypher.
import { z } from 'zod';
import { AuditAction } from './audit-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  userId: z.string().nullable(),
  username: z.string().max(200).nullable(),
  action: AuditAction,
  targetIds: z.array(z.string().max(200)).max(10_000),
  query: z.string().nullable(),
  parameters: z.string().nullable(),
});

export const query = recordQuery({ name: 'record-audit', params, row: z.object({ id: z.string() }) });
