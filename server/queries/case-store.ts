// Cases in Neo4j (`_Case` records and their `_CaseItem`s), each call one curated query of contract/queries/cases.
import type { CaseItemKind, CaseItemRow, CaseRow } from '../../contract/queries/cases/case-params.ts';
import type { JudgementRow } from '../../contract/queries/identity/identity-params.ts';
import { queries } from '../../contract/queries/index.ts';
import type { GraphExecutor } from '../graph/executor.ts';

/** What a write found: `written` false when the owner already has a case of that name (or there is no such case). */
export interface CaseWriteOutcome {
  duplicate: boolean;
  written: boolean;
}

export class CaseStore {
  constructor(private readonly graph: GraphExecutor) {}

  async create(record: { id: string; name: string; owner: string; ownerName: string; createdAt: string }): Promise<CaseWriteOutcome> {
    return (await this.graph.record(queries.createCase, record)) ?? { duplicate: false, written: false };
  }

  /** The cases this account owns or is a member of. */
  list(viewerId: string, limit: number): Promise<(CaseRow & { items: number })[]> {
    return this.graph.records(queries.listCases, { viewerId, limit });
  }

  /** Null when there is no such case (or it is deleted). */
  async read(id: string): Promise<{ record: CaseRow; items: CaseItemRow[] } | null> {
    const row = await this.graph.record(queries.readCase, { id });
    return row ? { record: row.caseRecord, items: row.items } : null;
  }

  /** Null when there is no such case. */
  rename(id: string, name: string): Promise<CaseWriteOutcome | null> {
    return this.graph.record(queries.changeCase, { id, name, deletedAt: null, deletedBy: null, changedAt: new Date().toISOString() });
  }

  async remove(id: string, deletedBy: string): Promise<boolean> {
    const now = new Date().toISOString();
    return (await this.graph.record(queries.changeCase, { id, name: null, deletedAt: now, deletedBy, changedAt: now }))?.written ?? false;
  }

  /** The member ids after the change; null when there is no such case. */
  async setMember(id: string, member: { id: string; username: string }, add: boolean): Promise<string[] | null> {
    const row = await this.graph.record(queries.setCaseMember, { id, userId: member.id, username: member.username, add, changedAt: new Date().toISOString() });
    return row?.members ?? null;
  }

  /** The item as stored (the first one, when it was attached before); null when there is no such case. */
  attach(caseId: string, item: { id: string; kind: CaseItemKind; itemId: string; format: string | null; addedBy: string }): Promise<CaseItemRow | null> {
    return this.graph.record(queries.attachCaseItem, { caseId, ...item, format: item.format ?? '', addedAt: new Date().toISOString() });
  }

  async detach(caseId: string, id: string): Promise<boolean> {
    return (await this.graph.records(queries.detachCaseItem, { caseId, id, changedAt: new Date().toISOString() })).length > 0;
  }

  /** The judgements with these ids (retracted ones too). */
  judgements(ids: string[]): Promise<JudgementRow[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.graph.records(queries.caseJudgements, { ids });
  }
}
