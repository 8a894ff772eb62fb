// The record's directives (orders, speeches, telegrams…) and who issued each.
import { parsePartialDate } from '../dates.ts';
import { directiveTypeOf } from './kinds.ts';
import type { Reference } from './reference.ts';
import { compact, provenance, type RawRows, validity } from './rows.ts';

/** Each directive's node, then its ISSUED links, directive after directive. */
export function directiveRows(reference: Reference): RawRows {
  const rows: RawRows = { nodes: [], relationships: [] };
  for (const directive of reference.directives) {
    const date = parsePartialDate(directive.date);
    rows.nodes.push({
      id: directive.id,
      labels: ['Directive'],
      properties: compact({
        name: directive.title,
        nameZh: directive.title_zh,
        directiveType: directiveTypeOf(directive.title),
        recipients: directive.recipients,
        date: date?.start,
        datePrecision: date?.precision,
        summary: directive.summary,
        notes: directive.note,
        ...provenance(directive.source_ids, directive.confidence),
      }),
    });
    for (const issuer of directive.issuer_ids) {
      rows.relationships.push({
        id: `issued:${issuer}:${directive.id}`,
        type: 'ISSUED',
        source: issuer,
        target: directive.id,
        properties: compact({ ...validity(directive.date, null), ...provenance(directive.source_ids, directive.confidence) }),
      });
    }
  }
  return rows;
}
