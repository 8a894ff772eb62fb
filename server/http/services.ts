// What the routes stand on: the graph executor, the stores and the policy, built once per app.
import type { GraphExecutor } from '../graph/executor.ts';
import type { AuditLog } from '../policy/audit-log.ts';
import type { EvidenceAnswers } from '../policy/evidence-answers.ts';
import type { CaseStore } from '../queries/case-store.ts';
import type { NoteStore } from '../queries/note-store.ts';
import type { IdentityStore } from '../queries/identity-store.ts';
import type { UserStore } from '../queries/user-store.ts';
import type { ViewGraph } from '../queries/view-graph.ts';
import type { ViewStore } from '../queries/view-store.ts';

export interface Services {
  graph: GraphExecutor;
  users: UserStore;
  views: ViewStore;
  viewGraph: ViewGraph;
  /** Analysts' notes and hypothesis links: never evidence. */
  notes: NoteStore;
  /** Cases: investigations gathering views, notes, judgements and exports, shared with named accounts. */
  cases: CaseStore;
  audit: AuditLog;
  /** Analysts' judgements that records are one person, and the identities they resolve to. */
  identities: IdentityStore;
  /** Every evidence answer leaves through it: audited, then withheld for the reader's role. */
  answers: EvidenceAnswers;
}
