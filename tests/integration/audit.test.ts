// The audit log on the real app and Neo4j: group commits and their durability promise (an answer is
// sent only after its entry is committed), bounded entries, key-based pages and a streamed export.
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createDriver } from '../../server/graph/driver.ts';
import { queries } from '../../contract/queries/index.ts';
import { AuditLog } from '../../server/policy/audit-log.ts';
import { EvidenceAnswers } from '../../server/policy/evidence-answers.ts';
import { IdentityStore } from '../../server/queries/identity-store.ts';
import { startTestApp, testDriver, testExecutor, type Client, type TestApp } from '../support/neo4j.ts';

let app: TestApp;
let admin: Client;
/** A driver of the test's own, outside the app: what it reads is what Neo4j has committed. */
let outside: Driver;
beforeAll(async () => {
  app = await startTestApp(undefined, { role: 'admin' });
  admin = app;
  outside = testDriver();
});
afterAll(async () => {
  await outside.close();
  await app.close();
});

async function committedEntries(userId: string, action: string, targetId?: string): Promise<number> {
  const { records } = await outside.executeQuery(
    'MATCH (entry:_Audit {userId: $userId, action: $action}) WHERE $targetId IS NULL OR $targetId IN entry.targetIds RETURN count(entry) AS n',
    { userId, action, targetId: targetId ?? null },
  );
  return Number(records[0]!.get('n'));
}

describe('group commit', () => {
  it('sends no answer before its audit entry is committed, however many requests share a transaction', async () => {
    const reader = await app.login('analyst', `test-audit-durable-${Date.now()}`);
    const userId = (await reader.get('/api/auth/session')).body.user.id as string;
    const ids = Array.from({ length: 40 }, (_, i) => `syn-detainee-${String(i + 1).padStart(7, '0')}`);
    // Each answer is checked the moment it arrives, before any other request can have been written.
    const seenAtAnswer = await Promise.all(
      ids.map(async (id) => {
        const answer = await reader.get(`/api/nodes/${id}`);
        expect(answer.status).toBe(200);
        return committedEntries(userId, 'node-open', id);
      }),
    );
    expect(seenAtAnswer).toEqual(ids.map(() => 1));
  });

  it('gives no answer when its entry fails, though the query ran beside the entry', async () => {
    const graph = await testExecutor(app.driver);
    // The log reaches Neo4j with a wrong password (a real refusal); the query's way is the app's own.
    const { uri, user } = inject('neo4j')!;
    const refused = createDriver(uri, user, 'not the password');
    try {
      const answers = new EvidenceAnswers(graph, new AuditLog(await testExecutor(refused)), { redactAll: false, secret: 'test' }, new IdentityStore(graph));
      const reader = { id: `test-audit-fails-${Date.now()}`, username: 'test-audit-fails', role: 'analyst' } as const;
      const queried = vi.spyOn(graph, 'checkedEvidence');
      const asked = answers.ask(reader as never, queries.nodeDetails, { id: 'syn-detainee-0000001' }, (checked) => ({
        action: 'query',
        query: queries.nodeDetails.name,
        parameters: checked,
        targetIds: ['syn-detainee-0000001'],
      }));
      await expect(asked).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
      // The query itself was run, and answered: only its entry failed.
      expect(queried).toHaveBeenCalledTimes(1);
      expect((await queried.mock.results[0]!.value).nodes.map((node: { id: string }) => node.id)).toContain('syn-detainee-0000001');
    } finally {
      await refused.close();
    }
  });

  it('writes the entries of many requests in a few transactions, and measures what that saves', async () => {
    const graph = await testExecutor(app.driver);
    const user = { id: `test-audit-group-${Date.now()}`, username: 'test-audit-group', role: 'analyst' } as const;
    const measure = async (maxGroup: number | undefined, entries: number) => {
      const log = new AuditLog(graph, () => {}, { maxGroup });
      const started = performance.now();
      await Promise.all(Array.from({ length: entries }, (_, i) => log.record(user as never, { action: 'search', targetIds: [`target-${i}`] })));
      return { ...log.written, perSecond: entries / ((performance.now() - started) / 1000) };
    };
    const grouped = await measure(undefined, 300);
    const single = await measure(1, 300);
    console.log(
      `audit: 300 entries at once, grouped: ${grouped.transactions} transactions, ${grouped.perSecond.toFixed(0)} entries/s; ` +
        `one transaction each: ${single.transactions} transactions, ${single.perSecond.toFixed(0)} entries/s (${(grouped.perSecond / single.perSecond).toFixed(1)}x)`,
    );
    expect(grouped.entries).toBe(300);
    // The first entry goes at once; the other 299 gather while it commits and go together.
    expect(grouped.transactions).toBeLessThanOrEqual(3);
    expect(single.transactions).toBe(300);
    expect(await committedEntries(user.id, 'search')).toBe(600);
  });

  it('bounds what a client sends before it reaches the log', async () => {
    const graph = await testExecutor(app.driver);
    const user = { id: `test-audit-bounds-${Date.now()}`, username: 'test-audit-bounds', role: 'viewer' } as const;
    await new AuditLog(graph).record(user as never, {
      action: 'export',
      query: 'q'.repeat(19_000_000 / 1_000),
      targetIds: ['x'.repeat(5_000), ...Array.from({ length: 2_500 }, (_, i) => `id-${i}`)],
      parameters: { format: 'graphml', filler: 'y'.repeat(50_000) },
    });
    const { records } = await outside.executeQuery('MATCH (entry:_Audit {userId: $userId}) RETURN entry {.query, .targetIds, .parameters} AS entry', {
      userId: user.id,
    });
    const entry = records[0]!.get('entry') as { query: string; targetIds: string[]; parameters: string };
    expect(entry.query).toHaveLength(200);
    expect(entry.targetIds[0]).toHaveLength(200);
    expect(entry.targetIds).toHaveLength(1_000);
    expect(entry.parameters.length).toBeLessThan(4_100);
    expect(entry.parameters).toMatch(/… \(cut at 4000 of \d+ characters\)$/);
    // Past 1,000 ids the entry says how many it left out, first, so a cut of long parameters keeps it.
    const small = new AuditLog(graph);
    await small.record(user as never, { action: 'export', targetIds: Array.from({ length: 1_500 }, (_, i) => `id-${i}`), parameters: { format: 'csv' } });
    const { records: more } = await outside.executeQuery(
      'MATCH (entry:_Audit {userId: $userId}) WHERE entry.query IS NULL RETURN entry.parameters AS parameters',
      {
        userId: user.id,
      },
    );
    expect(JSON.parse(more[0]!.get('parameters') as string)).toEqual({ format: 'csv', targetIdsCut: { kept: 1_000, of: 1_500 } });
  });
});

describe('reading the log', () => {
  it('answers a page of the largest size, GET /api/audit?limit=1000', async () => {
    const page = await admin.get('/api/audit?limit=1000');
    expect(page.status).toBe(200);
    expect(page.body.entries.length).toBeLessThanOrEqual(1000);
    expect((await admin.get('/api/audit?limit=1001')).status).toBe(400);
  });

  it('pages by key: every entry once, newest first, the same as one long page', async () => {
    const name = `test-audit-pages-${Date.now()}`;
    const reader = await app.login('analyst', name);
    const userId = (await reader.get('/api/auth/session')).body.user.id as string;
    for (let i = 0; i < 24; i++) expect((await reader.get(`/api/nodes/syn-detainee-${String(i + 1).padStart(7, '0')}`)).status).toBe(200);

    const whole = (await admin.get(`/api/audit?userId=${userId}&limit=100`)).body;
    expect(whole.entries).toHaveLength(25);
    expect(whole.more).toBe(false);
    expect(whole.next).toBeNull();
    const paged: { id: string; at: string }[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const answer: { entries: { id: string; at: string }[]; next: string | null } = (
        await admin.get(`/api/audit?userId=${userId}&limit=10${cursor ? `&cursor=${cursor}` : ''}`)
      ).body;
      paged.push(...answer.entries);
      cursor = answer.next;
      if (!cursor) break;
    }
    expect(paged.map((entry) => entry.id)).toEqual(whole.entries.map((entry: { id: string }) => entry.id));
    const times = paged.map((entry) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await admin.get('/api/audit?cursor=not-a-cursor')).body.errors).toEqual([{ field: 'cursor', reason: 'must be the `next` of an earlier page' }]);
  });

  it('streams the export page by page: every entry of the filter, once', async () => {
    const name = `test-audit-export-${Date.now()}`;
    const reader = await app.login('analyst', name);
    const userId = (await reader.get('/api/auth/session')).body.user.id as string;
    const graph = await testExecutor(app.driver);
    const log = new AuditLog(graph);
    // More than one page of the export (1,000 entries), written as one group.
    await Promise.all(
      Array.from({ length: 2_345 }, (_, i) => log.record({ id: userId, username: name, role: 'analyst' } as never, { action: 'search', targetIds: [`t${i}`] })),
    );
    const response = await admin.fetch(`/api/audit/export?format=jsonl&userId=${userId}`);
    expect(response.status).toBe(200);
    const rows = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; action: string });
    // 2,345 searches and the sign-in.
    expect(rows).toHaveLength(2_346);
    expect(new Set(rows.map((row) => row.id)).size).toBe(2_346);
    const csv = await admin.fetch(`/api/audit/export?format=csv&userId=${userId}`);
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(2_347);
    expect((await admin.get('/api/audit/export?limit=5')).status).toBe(400);
  });
});
