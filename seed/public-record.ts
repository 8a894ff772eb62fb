// Turns the public-record reference (seed/public-record.json, a copy of shared/reference) into graph rows.
// Nothing is added about a real person or organisation: every row comes from one entry of the
// reference and carries that entry's sources and confidence. Each kind of entry has its file in seed/public-record/.
import { readFileSync } from 'node:fs';
import { NodeRow, RelationshipRow } from '../contract/graph-rows.ts';
import { directiveRows } from './public-record/directives.ts';
import { documentRows, figureRows } from './public-record/documents.ts';
import { facilityRows } from './public-record/facilities.ts';
import { hierarchyRows, organizationRows, parentRows } from './public-record/organizations.ts';
import { peopleRows } from './public-record/people.ts';
import { Reference } from './public-record/reference.ts';

export { isHeadPost } from './public-record/kinds.ts';
export { Reference } from './public-record/reference.ts';

export interface GraphRows {
  nodes: NodeRow[];
  relationships: RelationshipRow[];
}

export function readReference(path = new URL('./public-record.json', import.meta.url)): Reference {
  return Reference.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export function publicRecordRows(reference: Reference): GraphRows {
  const hierarchy = hierarchyRows(reference);
  // The order of the parts is the order of the rows (and of the seed's first batch).
  const parts = [
    documentRows(reference),
    organizationRows(reference),
    peopleRows(reference),
    facilityRows(reference),
    directiveRows(reference),
    hierarchy,
    parentRows(reference, hierarchy),
    figureRows(reference),
  ];
  return {
    nodes: parts.flatMap((part) => part.nodes).map((row) => NodeRow.parse(row)),
    relationships: parts.flatMap((part) => part.relationships).map((row) => RelationshipRow.parse(row)),
  };
}
