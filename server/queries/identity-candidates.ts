// Possible duplicates in the graph: people read page by page and blocked (contract/identity/blocking.ts),
// less the pairs an analyst has already judged or that are already one identity. An import asks for
// the candidates that involve the records it wrote (`involving`), for the review queue.
import { CandidateBlocker, type BlockingStats, type Candidate } from '../../contract/identity/blocking.ts';
import { primaryKind } from '../../contract/model.ts';
import { queries } from '../../contract/queries/index.ts';
import type { GraphExecutor } from '../graph/executor.ts';
import type { IdentityStore } from './identity-store.ts';

/** People per read: a page of the leak scale's 800,000 people is a few MB. */
const PAGE = 20_000;

export interface CandidateList {
  candidates: Candidate[];
  stats: BlockingStats;
}

async function blockPeople(graph: GraphExecutor): Promise<CandidateBlocker> {
  const blocker = new CandidateBlocker();
  let after = '';
  for (;;) {
    const page = await graph.records(queries.peopleForMatching, { after, limit: PAGE });
    for (const { labels, ...person } of page) blocker.add({ ...person, kind: primaryKind(labels) ?? 'Person' });
    if (page.length < PAGE) return blocker;
    after = page.at(-1)!.id;
  }
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Candidates best first, each pair at most once, without the pairs already judged (any verdict in
 * force) or already in one identity. `involving`: only pairs with at least one of these records,
 * which is what an import's matching step asks with the ids it wrote, to hand them to the queue.
 */
export async function findGraphCandidates(graph: GraphExecutor, identities: IdentityStore, involving?: ReadonlySet<string>): Promise<CandidateList> {
  const blocker = await blockPeople(graph);
  const judged = new Set((await identities.list(null, false)).map((judgement) => pairKey(judgement.leftId, judgement.rightId)));
  const { byMember } = await identities.index();
  const candidates: Candidate[] = [];
  for (const candidate of blocker.candidates()) {
    if (involving && !involving.has(candidate.leftId) && !involving.has(candidate.rightId)) continue;
    if (judged.has(pairKey(candidate.leftId, candidate.rightId))) continue;
    const left = byMember.get(candidate.leftId);
    if (left && left === byMember.get(candidate.rightId)) continue;
    candidates.push(candidate);
  }
  candidates.sort((a, b) => b.score - a.score || a.leftId.localeCompare(b.leftId) || a.rightId.localeCompare(b.rightId));
  return { candidates, stats: blocker.stats };
}
