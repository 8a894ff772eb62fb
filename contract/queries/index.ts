// The typed index of every curated query: one handle each, imported by server, seed and tests (and
// by the client for names and parameter types). A query removed or renamed here fails the type check
// wherever it is used; server/graph/catalogue.ts pairs each handle with its .cypher file at start.
import type { z } from 'zod';
import { query as listAudit } from './audit/list-audit.ts';
import { query as recordAudit } from './audit/record-audit.ts';
import { query as countAdmins } from './auth/count-admins.ts';
import { query as createSession } from './auth/create-session.ts';
import { query as createUser } from './auth/create-user.ts';
import { query as deleteSession } from './auth/delete-session.ts';
import { query as endSessions } from './auth/end-sessions.ts';
import { query as findSession } from './auth/find-session.ts';
import { query as findUser } from './auth/find-user.ts';
import { query as keyUsernames } from './auth/key-usernames.ts';
import { query as listTokens } from './auth/list-tokens.ts';
import { query as listUsers } from './auth/list-users.ts';
import { query as touchSession } from './auth/touch-session.ts';
import { query as updateUser } from './auth/update-user.ts';
import { query as chainCeilings } from './chain/chain-ceilings.ts';
import { query as chainOfCommand } from './chain/chain-of-command.ts';
import { query as whoIsResponsible } from './chain/who-is-responsible.ts';
import { query as directivePropagation } from './directives/directive-propagation.ts';
import { query as expandNeighbourhood } from './explore/expand-neighbourhood.ts';
import { query as nodeDetails } from './explore/node-details.ts';
import { query as publicExpandNeighbourhood } from './explore/public-expand-neighbourhood.ts';
import { query as publicRelationshipCounts } from './explore/public-relationship-counts.ts';
import { query as relationshipCounts } from './explore/relationship-counts.ts';
import { query as startingPoints } from './explore/starting-points.ts';
import { query as timeline } from './explore/timeline.ts';
import { query as facilitiesUnder } from './facilities/facilities-under.ts';
import { query as facilityProfile } from './facilities/facility-profile.ts';
import { query as beginImport } from './import/begin-import.ts';
import { query as commitBatch } from './import/commit-batch.ts';
import { query as existingNodes } from './import/existing-nodes.ts';
import { query as graphHasEvidence } from './import/graph-has-evidence.ts';
import { query as createJudgement } from './identity/create-judgement.ts';
import { query as identityMembers } from './identity/identity-members.ts';
import { query as judgementSubjects } from './identity/judgement-subjects.ts';
import { query as listJudgements } from './identity/list-judgements.ts';
import { query as peopleForMatching } from './identity/people-for-matching.ts';
import { query as gazetteerPlaces } from './places/gazetteer-places.ts';
import { query as retractJudgements } from './identity/retract-judgements.ts';
import { query as importStatus } from './import/import-status.ts';
import { query as mergeImportNodes } from './import/merge-import-nodes.ts';
import { query as mergeImportRelationships } from './import/merge-import-relationships.ts';
import { query as matchCandidates } from './import/match-candidates.ts';
import { query as finishImport } from './import/finish-import.ts';
import { query as listImports } from './import/list-imports.ts';
import { query as importReport } from './import/import-report.ts';
import { query as markImport } from './import/mark-import.ts';
import { query as importNodes } from './import/import-nodes.ts';
import { query as importRelationships } from './import/import-relationships.ts';
import { query as undoConflicts } from './import/undo-conflicts.ts';
import { query as deleteImportElements } from './import/delete-import-elements.ts';
import { query as retractImportElements } from './import/retract-import-elements.ts';
import { query as saveMapping } from './import/save-mapping.ts';
import { query as findMapping } from './import/find-mapping.ts';
import { query as nodeIdKey } from './import/node-id-key.ts';
import { query as removeOtherSeeds } from './import/remove-other-seeds.ts';
import { query as retireOtherSeeds } from './import/retire-other-seeds.ts';
import { query as storeIsEmpty } from './import/store-is-empty.ts';
import { query as allShortestPaths } from './paths/all-shortest-paths.ts';
import { query as commonConnections } from './paths/common-connections.ts';
import { query as shortestPath } from './paths/shortest-path.ts';
import { query as publicAllShortestPaths } from './paths/public-all-shortest-paths.ts';
import { query as publicCommonConnections } from './paths/public-common-connections.ts';
import { query as publicShortestPath } from './paths/public-shortest-path.ts';
import { query as changeNote } from './notes/change-note.ts';
import { query as createNote } from './notes/create-note.ts';
import { query as listNotes } from './notes/list-notes.ts';
import { query as readNote } from './notes/read-note.ts';
import { query as attachCaseItem } from './cases/attach-case-item.ts';
import { query as caseJudgements } from './cases/case-judgements.ts';
import { query as changeCase } from './cases/change-case.ts';
import { query as createCase } from './cases/create-case.ts';
import { query as detachCaseItem } from './cases/detach-case-item.ts';
import { query as listCases } from './cases/list-cases.ts';
import { query as readCase } from './cases/read-case.ts';
import { query as setCaseMember } from './cases/set-case-member.ts';
import { query as photoFile } from './photos/photo-file.ts';
import { query as photosOf } from './photos/photos-of.ts';
import { query as sanctionsOf } from './sanctions/sanctions-of.ts';
import { query as schema } from './schema/schema.ts';
import { query as schemaState } from './schema/schema-state.ts';
import { query as fullTextNames } from './search/full-text-names.ts';
import { query as publicNames } from './search/public-names.ts';
import { query as createNodes } from './seed/create-nodes.ts';
import { query as createRelationships } from './seed/create-relationships.ts';
import { query as mergeNodes } from './seed/merge-nodes.ts';
import { query as mergeRelationships } from './seed/merge-relationships.ts';
import { query as graphSize } from './stats/graph-size.ts';
import { query as createTokens } from './stats/create-tokens.ts';
import { query as rehearsalSubjects } from './stats/rehearsal-subjects.ts';
import { query as settleStatistics } from './stats/settle-statistics.ts';
import { query as touchStore } from './stats/touch-store.ts';
import { query as graphStatistics } from './stats/graph-statistics.ts';
import { query as createView } from './views/create-view.ts';
import { query as deleteView } from './views/delete-view.ts';
import { query as findSharedView } from './views/find-shared-view.ts';
import { query as listViews } from './views/list-views.ts';
import { query as readView } from './views/read-view.ts';
import { query as saveViewVersion } from './views/save-view-version.ts';
import { query as setViewVisibility } from './views/set-view-visibility.ts';
import { query as viewElements } from './views/view-elements.ts';
import { query as viewVersions } from './views/view-versions.ts';

export const queries = {
  listAudit,
  recordAudit,
  countAdmins,
  createSession,
  createUser,
  deleteSession,
  endSessions,
  findSession,
  findUser,
  keyUsernames,
  listTokens,
  listUsers,
  touchSession,
  updateUser,
  chainCeilings,
  chainOfCommand,
  whoIsResponsible,
  directivePropagation,
  expandNeighbourhood,
  nodeDetails,
  publicExpandNeighbourhood,
  publicRelationshipCounts,
  relationshipCounts,
  startingPoints,
  timeline,
  facilitiesUnder,
  facilityProfile,
  beginImport,
  commitBatch,
  existingNodes,
  graphHasEvidence,
  importStatus,
  mergeImportNodes,
  mergeImportRelationships,
  matchCandidates,
  finishImport,
  listImports,
  importReport,
  markImport,
  importNodes,
  importRelationships,
  undoConflicts,
  deleteImportElements,
  retractImportElements,
  saveMapping,
  findMapping,
  nodeIdKey,
  createJudgement,
  identityMembers,
  judgementSubjects,
  listJudgements,
  peopleForMatching,
  gazetteerPlaces,
  retractJudgements,
  removeOtherSeeds,
  retireOtherSeeds,
  storeIsEmpty,
  allShortestPaths,
  commonConnections,
  shortestPath,
  publicAllShortestPaths,
  publicCommonConnections,
  publicShortestPath,
  changeNote,
  createNote,
  listNotes,
  readNote,
  attachCaseItem,
  caseJudgements,
  changeCase,
  createCase,
  detachCaseItem,
  listCases,
  readCase,
  setCaseMember,
  photoFile,
  photosOf,
  sanctionsOf,
  schema,
  schemaState,
  fullTextNames,
  publicNames,
  createNodes,
  createRelationships,
  mergeNodes,
  mergeRelationships,
  graphSize,
  graphStatistics,
  rehearsalSubjects,
  touchStore,
  createTokens,
  settleStatistics,
  createView,
  deleteView,
  findSharedView,
  listViews,
  readView,
  saveViewVersion,
  setViewVisibility,
  viewElements,
  viewVersions,
} as const;

export type AnyQuery = (typeof queries)[keyof typeof queries];
export type QueryName = AnyQuery['name'];

type Evidence = Extract<AnyQuery, { kind: 'evidence' }>;
/** The queries served over HTTP (POST /api/queries/:name), answered as a Result. */
export type EvidenceQueryName = Evidence['name'];
/** What a client sends as `params` for one evidence query (before defaults). */
export type EvidenceParams<Name extends EvidenceQueryName> = z.input<Extract<Evidence, { name: Name }>['params']>;

export const allQueries: readonly AnyQuery[] = Object.values(queries);

export function isEvidenceQueryName(name: string): name is EvidenceQueryName {
  return allQueries.some((query) => query.kind === 'evidence' && query.name === name);
}
