// Analysts' judgements that records are one person (`_Judgement`, apart from the evidence), and the
// resolved identities they make: "same" is transitive, so an identity is a connected component of the
// judgements in force. Read back and kept for a few seconds, or until a judgement changes through this
// store: another server process on the same database (a second instance, the importer) is seen soon after.
import { randomUUID } from 'node:crypto';
import type { JudgementRow, Verdict } from '../../contract/queries/identity/identity-params.ts';
import { queries } from '../../contract/queries/index.ts';
import type { Citation, ResultNode } from '../../contract/result.ts';
import type { GraphExecutor } from '../graph/executor.ts';

/** Records judged one person: `id` is the smallest member id, so it is stable while the members are. */
export interface Identity {
  id: string;
  members: string[];
  /** The "same" judgements in force that join the members. */
  judgementIds: string[];
}

/** The identities in force, with their members' nodes and the documents those cite. */
export interface IdentityIndex {
  identities: Identity[];
  byMember: ReadonlyMap<string, Identity>;
  nodes: ReadonlyMap<string, ResultNode>;
  citations: Readonly<Record<string, Citation>>;
}

export interface NewJudgement {
  leftId: string;
  rightId: string;
  verdict: Verdict;
  note: string;
  reasons: string | null;
  author: string;
}

/** Connected components of the "same" judgements (union-find by smallest id). */
export function componentsOf(judgements: readonly Pick<JudgementRow, 'id' | 'leftId' | 'rightId'>[]): Identity[] {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    if (!parent.has(id)) parent.set(id, id);
    let at = id;
    while (parent.get(at) !== at) at = parent.get(at)!;
    parent.set(id, at);
    return at;
  };
  for (const { leftId, rightId } of judgements) {
    const [low, high] = [root(leftId), root(rightId)].sort() as [string, string];
    if (low !== high) parent.set(high, low);
  }
  const groups = new Map<string, Identity>();
  for (const id of parent.keys()) {
    const top = root(id);
    const group = groups.get(top) ?? { id: top, members: [], judgementIds: [] };
    group.members.push(id);
    groups.set(top, group);
  }
  for (const judgement of judgements) groups.get(root(judgement.leftId))!.judgementIds.push(judgement.id);
  return [...groups.values()].map((group) => ({ ...group, id: group.members.sort()[0]! }));
}

/** How long the identities read back are trusted when no judgement changed through this store. */
const INDEX_LIFETIME_MS = 5_000;

export class IdentityStore {
  private cached: Promise<IdentityIndex> | null = null;
  private loadedAt = 0;

  constructor(private readonly graph: GraphExecutor) {}

  /** The identities in force: read, then kept a few seconds or until a judgement changes. */
  index(): Promise<IdentityIndex> {
    if (!this.cached || Date.now() - this.loadedAt > INDEX_LIFETIME_MS) {
      this.loadedAt = Date.now();
      this.cached = this.load().catch((error: unknown) => {
        this.cached = null;
        throw error;
      });
    }
    return this.cached;
  }

  private async load(): Promise<IdentityIndex> {
    const same = (await this.graph.records(queries.listJudgements, {})).filter((judgement) => judgement.verdict === 'same');
    const identities = componentsOf(same);
    const byMember = new Map(identities.flatMap((identity) => identity.members.map((member) => [member, identity] as const)));
    if (byMember.size === 0) return { identities, byMember, nodes: new Map(), citations: {} };
    const members = await this.graph.graph(queries.identityMembers, { ids: [...byMember.keys()] });
    return { identities, byMember, nodes: new Map(members.nodes.map((node) => [node.id, node])), citations: members.citations };
  }

  /** Labels of the records that exist among `ids`. */
  async subjects(ids: string[]): Promise<Map<string, string[]>> {
    const rows = await this.graph.records(queries.judgementSubjects, { ids });
    return new Map(rows.map((row) => [row.id, row.labels]));
  }

  /** Null when either record no longer exists (checked in the same write). */
  async judge(judgement: NewJudgement): Promise<JudgementRow | null> {
    const row = await this.graph.record(queries.createJudgement, { id: randomUUID(), judgedAt: new Date().toISOString(), ...judgement });
    this.cached = null;
    return row;
  }

  async list(nodeIds: string[] | null, includeRetracted: boolean): Promise<JudgementRow[]> {
    return this.graph.records(queries.listJudgements, { nodeIds, includeRetracted });
  }

  /** The ids actually retracted (those still in force). */
  async retract(ids: string[], author: string): Promise<string[]> {
    const rows = await this.graph.records(queries.retractJudgements, { ids, author, retractedAt: new Date().toISOString() });
    this.cached = null;
    return rows.map((row) => row.id);
  }
}
