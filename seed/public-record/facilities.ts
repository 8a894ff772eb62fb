// The record's detention facilities, as the record describes and places them.
import { facilityTypeOf } from './kinds.ts';
import type { Reference } from './reference.ts';
import { compact, type NodeInput, provenance, type RawRows } from './rows.ts';

export function facilityRows(reference: Reference): RawRows {
  const nodes = reference.facilities.map(
    (facility): NodeInput => ({
      id: facility.id,
      labels: ['Facility'],
      properties: compact({
        name: facility.name,
        nameZh: facility.name_zh,
        facilityType: facilityTypeOf(facility.type),
        typeDescription: facility.type,
        county: facility.county,
        prefecture: facility.prefecture,
        latitude: facility.lat,
        longitude: facility.lon,
        notes: facility.note,
        ...provenance(facility.source_ids, facility.confidence),
      }),
    }),
  );
  return { nodes, relationships: [] };
}
