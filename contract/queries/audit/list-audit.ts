// Parameters of list-audit.cypher.
import { z } from 'zod';
import { AuditAction, AuditEntryRow } from './audit-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({
  userId: z.string().nullable().default(null),
  action: AuditAction.nullable().default(null),
  from: z.iso.datetime({ offset: true }).nullable().default(null),
  to: z.iso.datetime({ offset: true }).nullable().default(null),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});

export const query = recordQuery({ name: 'list-audit', params, row: z.object({ entry: AuditEntryRow }) });
