// Links what an import writes to the official gazetteer: a Facility's county (else its prefecture)
// becomes a LOCATED_IN link to that Place when an exact code or a name in any script (characters,
// pinyin with or without tones, a sourced alias) leads to one place only. A name several places share
// is never linked silently: the report names the candidates and the row, and the analyst decides.
import type { SourcePlace } from '../../../contract/api/imports.ts';
import { GazetteerIndex } from '../../../contract/gazetteer.ts';
import type { NodeRow, RelationshipRow } from '../../../contract/graph-rows.ts';
import { queries } from '../../../contract/queries/index.ts';
import type { GraphExecutor } from '../../graph/executor.ts';
import type { ReportBuilder } from './report-builder.ts';

/** More places than any province's gazetteer holds; the query's ceiling. */
const MAX_GAZETTEER_PLACES = 100_000;

/** Which property of which kind names a place, and the level of place it names. */
const PLACE_FIELDS: readonly { kind: string; field: string; level: string }[] = [
  { kind: 'Facility', field: 'county', level: 'county' },
  { kind: 'Facility', field: 'prefecture', level: 'prefecture' },
];

export async function loadGazetteer(graph: GraphExecutor): Promise<GazetteerIndex> {
  return new GazetteerIndex(await graph.records(queries.gazetteerPlaces, { limit: MAX_GAZETTEER_PLACES }));
}

/** The LOCATED_IN links for one node, with the node's own sources and confidence; at most one per node. */
export function placeLinks(gazetteer: GazetteerIndex, node: NodeRow, place: SourcePlace, report: ReportBuilder): RelationshipRow[] {
  for (const { kind, field, level } of PLACE_FIELDS) {
    const value = node.properties[field];
    if (!node.labels.includes(kind as NodeRow['labels'][number]) || typeof value !== 'string') continue;
    const match = gazetteer.match(value, level);
    if (match.kind === 'ambiguous') {
      report.add(place, field, `"${value}" names several places of the gazetteer (${match.ids.join(', ')}): not linked, pick one`, 'warning');
      return [];
    }
    if (match.kind === 'none') continue;
    const { sources, confidence, synthetic } = node.properties;
    return [
      {
        id: `${node.id}:located-in:${match.id}`,
        type: 'LOCATED_IN',
        source: node.id,
        target: match.id,
        properties: { sources: sources ?? [], confidence: confidence ?? 'reported', synthetic: synthetic ?? false },
      },
    ];
  }
  return [];
}
