// The record's organisations and the links between them and beyond: the hierarchy's entries (command,
// operation, reporting, instructions) and each organisation's stated parent.
import { parsePartialDate } from '../dates.ts';
import { organizationTypeOf } from './kinds.ts';
import type { Reference } from './reference.ts';
import { compact, type NodeInput, provenance, type RawRows, type RelationshipInput, validity } from './rows.ts';

type HierarchyLink = Reference['hierarchy'][number];

const personRelations = /^(reports_to|deputy_to)/;

export function organizationRows(reference: Reference): RawRows {
  const nodes = reference.organizations.map(
    (org): NodeInput => ({
      id: org.id,
      labels: ['Organization'],
      properties: compact({
        name: org.name_en,
        nameZh: org.name_zh,
        level: org.level,
        orgType: organizationTypeOf(org.name_en),
        ...provenance(org.source_ids, org.confidence),
      }),
    }),
  );
  return { nodes, relationships: [] };
}

/** The hierarchy lists superior -> subordinate; the graph stores the upward link. */
export function hierarchyRows(reference: Reference): RawRows {
  const orgIds = new Set(reference.organizations.map((org) => org.id));
  const facilityIds = new Set(reference.facilities.map((facility) => facility.id));
  const relationships: RelationshipInput[] = [];
  for (const link of reference.hierarchy) {
    // A link no document states cannot be cited, so it stays out of the evidence graph.
    if (link.source_ids.length === 0) continue;
    const common = compact({
      relation: link.relation,
      notes: link.note,
      ...validity(link.from_date, link.to_date),
      ...provenance(link.source_ids, link.confidence),
    });
    const { from_id: from, to_id: to } = link;
    if (orgIds.has(from) && orgIds.has(to)) {
      relationships.push({ id: `sub:${to}:${from}`, type: 'SUBORDINATE_TO', source: to, target: from, properties: common });
    } else if (orgIds.has(from) && facilityIds.has(to)) {
      relationships.push({ id: `operates:${from}:${to}`, type: 'OPERATES', source: from, target: to, properties: common });
    } else if (personRelations.test(link.relation)) {
      relationships.push({ id: `reports:${from}:${to}`, type: 'REPORTS_TO', source: from, target: to, properties: common });
    } else if (/^policy_direction/.test(link.relation)) {
      // The record lists the superior first here ("xi_jinping -> zhao_kezhi"): the line runs upward from the second.
      relationships.push({ id: `reports:${to}:${from}`, type: 'REPORTS_TO', source: to, target: from, properties: common });
    } else if (/^issued_instruction_to/.test(link.relation) && orgIds.has(to)) {
      const addressed = instructionLink(reference, link, common);
      if (addressed) relationships.push(addressed);
    }
  }
  return { nodes: [], relationships };
}

/** An instruction is a directive's delivery: it joins the directive its issuer put out that day, when exactly one fits. */
function instructionLink(reference: Reference, link: HierarchyLink, common: Record<string, unknown>): RelationshipInput | undefined {
  const date = parsePartialDate(link.from_date)?.start;
  const directive = reference.directives.filter(
    (candidate) => candidate.issuer_ids.includes(link.from_id) && date && parsePartialDate(candidate.date)?.start === date,
  );
  if (directive.length !== 1) return undefined;
  return {
    id: `addressed:${directive[0]!.id}:${link.to_id}`,
    type: 'ADDRESSED_TO',
    source: directive[0]!.id,
    target: link.to_id,
    properties: compact({ ...common, notes: `Joined to the directive by its issuer (${link.from_id}) and date (${link.from_date}).` }),
  };
}

/**
 * An organisation's parent, where no hierarchy entry already states the link, is a link of its own,
 * resting on the organisation entry's sources. `hierarchy` is what hierarchyRows made of the entries.
 */
export function parentRows(reference: Reference, hierarchy: RawRows): RawRows {
  const stated = new Set(hierarchy.relationships.filter((link) => link.type === 'SUBORDINATE_TO').map((link) => `${link.source}>${link.target}`));
  const relationships = reference.organizations
    .filter((org) => org.parent_id && !stated.has(`${org.id}>${org.parent_id}`))
    .map(
      (org): RelationshipInput => ({
        id: `sub:${org.id}:${org.parent_id}`,
        type: 'SUBORDINATE_TO',
        source: org.id,
        target: org.parent_id!,
        properties: compact({ relation: 'parent organisation', ...provenance(org.source_ids, org.confidence) }),
      }),
    );
  return { nodes: [], relationships };
}
