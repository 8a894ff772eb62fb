// /api/audit: the audit log for admins, a page at a time (by key: the page after `cursor`) or whole as
// CSV / JSON lines, streamed page by page so no log, however long, is ever held whole in memory.
import { Router, type Response } from 'express';
import { z } from 'zod';
import { AUDIT_BOUNDS, AuditAction } from '../../../contract/queries/audit/audit-params.ts';
import type { AuditEntry, AuditLog } from '../../policy/audit-log.ts';
import type { EvidenceAnswers } from '../../policy/evidence-answers.ts';
import { currentUser, requireRole } from '../auth-middleware.ts';
import { BadInput } from '../../errors.ts';
import { currentBudget, withBudget } from '../../graph/budget.ts';
import { numberOrRaw } from '../query-string.ts';

/** Where a page ends: the last entry's time and id, as an opaque token the next request sends back. */
const Cursor = z.tuple([z.string().max(64), z.string().max(AUDIT_BOUNDS.id)]);

function cursorOf(entry: AuditEntry): string {
  return Buffer.from(JSON.stringify([entry.at, entry.id])).toString('base64url');
}

export const AuditFilters = z
  .object({
    userId: z.string().min(1).max(200).optional(),
    action: AuditAction.optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    /** The `next` of the previous page; absent for the newest entries. */
    cursor: z
      .string()
      .max(400)
      .transform((text, ctx) => {
        const key = Cursor.safeParse(
          (() => {
            try {
              return JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
            } catch {
              return null;
            }
          })(),
        );
        if (key.success) return key.data;
        ctx.addIssue({ code: 'custom', message: 'must be the `next` of an earlier page' });
        return z.NEVER;
      })
      .optional(),
    limit: z.number().int().min(1).max(AUDIT_BOUNDS.page).default(100),
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
  const raw = { ...query, limit: numberOrRaw(query.limit) };
  for (const key of Object.keys(raw)) if (raw[key as keyof typeof raw] === undefined) delete raw[key as keyof typeof raw];
  const parsed = AuditFilters.safeParse(raw);
  if (!parsed.success) throw BadInput.fromZod(parsed.error);
  const { userId, action, from, to, cursor, limit } = parsed.data;
  return {
    userId: userId ?? null,
    action: action ?? null,
    from: from ?? null,
    to: to ?? null,
    afterAt: cursor?.[0] ?? null,
    afterId: cursor?.[1] ?? null,
    limit,
  };
}

/** Writes `text` and waits while the client reads slower than the log is read: memory stays one page. */
async function write(res: Response, text: string): Promise<void> {
  if (!res.write(text)) await new Promise((resolve) => res.once('drain', resolve));
}

export function auditRoutes(audit: AuditLog, answers: EvidenceAnswers): Router {
  const router = Router();
  router.use('/audit', requireRole('admin'));

  router.get('/audit', async (req, res) => {
    const filters = filtersFrom(req.query);
    const entries = await audit.list({ ...filters, limit: filters.limit + 1 });
    const page = entries.slice(0, filters.limit);
    const more = entries.length > filters.limit;
    // The cursor is the last stored entry's key; what is shown of each entry is the policy's to decide.
    res.json({ entries: answers.auditEntries(currentUser(res), page), limit: filters.limit, more, next: more ? cursorOf(page.at(-1)!) : null });
  });

  router.get('/audit/export', async (req, res) => {
    const { format: rawFormat, ...rest } = req.query;
    const format = AuditExportFormat.safeParse(rawFormat ?? 'jsonl');
    if (!format.success) throw BadInput.fromZod(format.error, 'format');
    if (rest.limit !== undefined || rest.cursor !== undefined) {
      throw new BadInput(
        Object.keys(rest)
          .filter((key) => key === 'limit' || key === 'cursor')
          .map((field) => ({ field, reason: 'the export is always the whole log' })),
      );
    }
    const { limit: _page, ...filters } = filtersFrom(rest);
    // Before the first line leaves: the export of the log is itself in the log.
    await audit.record(currentUser(res), { action: 'audit-export', parameters: { format: format.data, ...filters } });
    const request = currentBudget();
    const stamp = new Date().toISOString().slice(0, 10);
    const csv = format.data === 'csv';
    res.attachment(`xpf-audit-${stamp}.${csv ? 'csv' : 'jsonl'}`).type(csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson');
    if (csv) await write(res, `${csvColumns.join(',')}\r\n`);
    let after: AuditEntry | null = null;
    for (;;) {
      // Each page gets a request's budget of its own: a long log takes as long as it takes to stream,
      // but no one page may hang. The client leaving still stops the walk.
      const key = after ? { afterAt: after.at, afterId: after.id } : {};
      const page: AuditEntry[] = await withBudget({ deadline: Date.now() + 7_000, signal: request?.signal ?? new AbortController().signal }, () =>
        audit.list({ ...filters, ...key, limit: AUDIT_BOUNDS.page }),
      );
      const lines = answers
        .auditEntries(currentUser(res), page)
        .map((entry) => (csv ? `${csvColumns.map((column) => csvCell(entry[column])).join(',')}\r\n` : `${JSON.stringify(entry)}\n`));
      if (lines.length > 0) await write(res, lines.join(''));
      if (page.length < AUDIT_BOUNDS.page) break;
      after = page.at(-1)!;
    }
    res.end();
  });

  return router;
}
