// /api/audit: the audit log for admins, a page at a time or whole as CSV / JSON lines. No route writes it.
import { Router } from 'express';
import { z } from 'zod';
import { AuditAction } from '../../../contract/queries/audit/audit-params.ts';
import type { AuditEntry, AuditLog } from '../../policy/audit-log.ts';
import type { EvidenceAnswers } from '../../policy/evidence-answers.ts';
import { currentUser, requireRole } from '../auth-middleware.ts';
import { BadInput } from '../../errors.ts';
import { numberOrRaw } from '../query-string.ts';

export const AuditFilters = z
  .object({
    userId: z.string().min(1).max(200).optional(),
    action: AuditAction.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict();
export const AuditExportFormat = z.enum(['csv', 'jsonl']);

const csvColumns = ['id', 'at', 'userId', 'username', 'action', 'targetIds', 'query', 'parameters'] as const;

/** Quoted always, and a leading = + - @ defused, so a spreadsheet never runs a cell as a formula. */
function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

function filtersFrom(query: Record<string, unknown>) {
  const raw = { ...query, offset: numberOrRaw(query.offset), limit: numberOrRaw(query.limit) };
  for (const key of Object.keys(raw)) if (raw[key as keyof typeof raw] === undefined) delete raw[key as keyof typeof raw];
  const parsed = AuditFilters.safeParse(raw);
  if (!parsed.success) throw BadInput.fromZod(parsed.error);
  const { userId, action, from, to, offset, limit } = parsed.data;
  return { userId: userId ?? null, action: action ?? null, from: from ?? null, to: to ?? null, offset, limit };
}

export function auditRoutes(audit: AuditLog, answers: EvidenceAnswers): Router {
  const router = Router();
  router.use('/audit', requireRole('admin'));

  router.get('/audit', async (req, res) => {
    const filters = filtersFrom(req.query);
    const entries = await audit.list({ ...filters, limit: filters.limit + 1 });
    const shown = answers.auditEntries(currentUser(res), entries.slice(0, filters.limit));
    res.json({ entries: shown, offset: filters.offset, limit: filters.limit, more: entries.length > filters.limit });
  });

  router.get('/audit/export', async (req, res) => {
    const { format: rawFormat, ...rest } = req.query;
    const format = AuditExportFormat.safeParse(rawFormat ?? 'jsonl');
    if (!format.success) throw BadInput.fromZod(format.error, 'format');
    const filters = filtersFrom({ ...rest, limit: undefined, offset: undefined });
    // Paged through, 1000 at a time, so a long log never sits whole in one query's memory.
    const all: AuditEntry[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await audit.list({ ...filters, offset, limit: 1000 });
      all.push(...answers.auditEntries(currentUser(res), page));
      if (page.length < 1000) break;
    }
    await audit.record(currentUser(res), { action: 'audit-export', parameters: { format: format.data, ...filters } });
    const stamp = new Date().toISOString().slice(0, 10);
    if (format.data === 'csv') {
      const lines = [csvColumns.join(','), ...all.map((entry) => csvColumns.map((key) => csvCell(entry[key])).join(','))];
      res
        .attachment(`xpf-audit-${stamp}.csv`)
        .type('text/csv; charset=utf-8')
        .send(`${lines.join('\r\n')}\r\n`);
      return;
    }
    res
      .attachment(`xpf-audit-${stamp}.jsonl`)
      .type('application/x-ndjson')
      .send(`${all.map((entry) => JSON.stringify(entry)).join('\n')}\n`);
  });

  return router;
}
