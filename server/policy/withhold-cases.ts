// What a reader receives of a case's own record. Its name is an analyst's words and may name the
// person the investigation is about: a redacted reader (a viewer; everyone under REDACT=1) who does
// not own it gets a stand-in, as for a saved view's title. What the case gathers is withheld item by
// item as when read directly (server/http/routes/cases.routes.ts).
import type { CaseAnswer } from '../../contract/api/cases.ts';
import type { CaseRow } from '../../contract/queries/cases/case-params.ts';
import type { ViewReader } from './withhold-views.ts';

export function withholdCase(record: CaseRow, reader: ViewReader): CaseAnswer {
  const { members, memberNames, ...rest } = record;
  const shown = { ...rest, members: members.map((id, index) => ({ id, username: memberNames[index] ?? '' })) };
  if (!reader.redacted || record.owner === reader.id) return { ...shown, words: true };
  return { ...shown, name: `${record.ownerName}’s case of ${record.createdAt.slice(0, 10)} (name withheld)`, words: false };
}
