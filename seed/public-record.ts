// Turns the public-record reference (seed/public-record.json, a copy of shared/reference) into graph rows.
// Nothing is added about a real person or organisation: every row comes from one entry of the
// reference and carries that entry's sources and confidence.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DirectiveType, FacilityType, OrganizationType, Confidence } from '../contract/model.ts';
import { NodeRow, RelationshipRow } from '../contract/graph-rows.ts';
import { parsePartialDate } from './dates.ts';

const ReferenceConfidence = z.enum(['stated', 'inferred', 'unverified']);

/**
 * The reference's three marks mapped onto the model's. "stated" (the cited text says so) is our
 * confirmed; "inferred" stays inferred; "unverified" (a claim no source read confirms) is kept
 * only as reported, which ranks it above an inference but never as confirmed.
 */
const confidenceOf: Record<z.infer<typeof ReferenceConfidence>, Confidence> = {
  stated: 'confirmed',
  inferred: 'inferred',
  unverified: 'reported',
};

const Source = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().nullish(),
  date: z.string().nullish(),
  url: z.string().nullish(),
  note: z.string().nullish(),
});
const Post = z.object({
  title: z.string(),
  org: z.string(),
  from: z.string().nullish(),
  to: z.string().nullish(),
  source_ids: z.array(z.string()),
  confidence: ReferenceConfidence,
  note: z.string().nullish(),
});
const SanctionEntry = z.object({
  authority: z.string(),
  program: z.string().nullish(),
  date: z.string().nullish(),
  measures: z.string().nullish(),
  source_ids: z.array(z.string()),
  confidence: ReferenceConfidence,
});
const Person = z.object({
  id: z.string(),
  name_en: z.string(),
  name_zh: z.string().nullish(),
  pinyin: z.string().nullish(),
  aliases: z.array(z.string()).default([]),
  posts: z.array(Post),
  sanctions: z.array(SanctionEntry).default([]),
  notes: z.string().nullish(),
});
const Figure = z.object({
  claim: z.string(),
  value: z.string(),
  source_ids: z.array(z.string()),
  confidence: ReferenceConfidence,
  note: z.string().nullish(),
});
const Organization = z.object({
  id: z.string(),
  name_en: z.string(),
  name_zh: z.string().nullish(),
  level: z.string(),
  parent_id: z.string().nullish(),
  source_ids: z.array(z.string()),
  confidence: ReferenceConfidence,
});
const Directive = z.object({
  id: z.string(),
  title: z.string(),
  title_zh: z.string().nullish(),
  date: z.string().nullish(),
  issuer_ids: z.array(z.string()),
  summary: z.string().nullish(),
  recipients: z.string().nullish(),
  note: z.string().nullish(),
  source_ids: z.array(z.string()),
  confidence: ReferenceConfidence,
});
const Facility = z.object({
  id: z.string(),
  name: z.string(),
  name_zh: z.string().nullish(),
  type: z.string(),
  county: z.string().nullish(),
  prefecture: z.string().nullish(),
  lat: z.number().nullish(),
  lon: z.number().nullish(),
  source_ids: z.array(z.string()),
  confidence: ReferenceConfidence,
  note: z.string().nullish(),
});
const HierarchyLink = z.object({
  from_id: z.string(),
  to_id: z.string(),
  relation: z.string(),
  from_date: z.string().nullish(),
  to_date: z.string().nullish(),
  source_ids: z.array(z.string()),
  confidence: ReferenceConfidence,
  note: z.string().nullish(),
});
export const Reference = z.object({
  sources: z.array(Source),
  people: z.array(Person),
  organizations: z.array(Organization),
  directives: z.array(Directive),
  facilities: z.array(Facility),
  hierarchy: z.array(HierarchyLink),
  figures: z.array(Figure),
});
export type Reference = z.infer<typeof Reference>;

export interface GraphRows {
  nodes: NodeRow[];
  relationships: RelationshipRow[];
}

type RawRows = { nodes: z.input<typeof NodeRow>[]; relationships: z.input<typeof RelationshipRow>[] };

const PUBLIC_RECORD_COLLECTION = 'Public record (shared/reference/public-record.json)';

export function readReference(path = new URL('./public-record.json', import.meta.url)): Reference {
  return Reference.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/**
 * A post heads its organisation when its title names the top office. Read from the title the
 * source gives, so it adds no fact; deputies, vice-chairs, members and "former" posts never head.
 */
export function isHeadPost(title: string): boolean {
  if (/\b(deputy|vice|member|former|executive deputy)\b/i.test(title)) return false;
  return /^(\(first\) )?(general secretary|secretary|party secretary|party committee secretary|director|minister|chairman|president|premier|head|governor|mayor)\b/i.test(
    title,
  );
}

/**
 * Kinds read from the names and titles the record gives (a "Public Security Bureau" is public
 * security); they sort and colour, they state nothing the record does not.
 */
function organizationTypeOf(name: string): z.infer<typeof OrganizationType> {
  if (/political and legal|zhengfawei|\bPLAC\b/i.test(name)) return 'political-legal-commission';
  if (/public security|\bPSB\b|\bPSD\b|ministry of public security/i.test(name)) return 'public-security';
  if (/party committee|central committee|politburo|commission|leading group|small group|command|headquarters/i.test(name)) return 'party-committee';
  if (/government|state council|prc state|prefecture|county|congress|cppcc|production and construction/i.test(name)) return 'government';
  if (/court/i.test(name)) return 'court';
  return 'other';
}

function facilityTypeOf(description: string): z.infer<typeof FacilityType> {
  if (/detention cent/i.test(description)) return 'detention-centre';
  if (/prison/i.test(description)) return 'prison';
  if (/re-education|vocational|internment|camp/i.test(description)) return 'camp';
  if (/police station/i.test(description)) return 'police-station';
  return 'other';
}

function directiveTypeOf(title: string): z.infer<typeof DirectiveType> {
  if (/speech/i.test(title)) return 'speech';
  if (/telegram/i.test(title)) return 'telegram';
  if (/bulletin/i.test(title)) return 'bulletin';
  if (/regulation/i.test(title)) return 'regulation';
  if (/protocol/i.test(title)) return 'protocol';
  if (/^(instruction|notice|order)\b/i.test(title)) return 'order';
  return 'other';
}

/** Optional fields are left out rather than stored as null or "": Neo4j has no null properties. */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null && value !== ''));
}

function validity(fromText: string | null | undefined, toText: string | null | undefined) {
  const from = parsePartialDate(fromText);
  const to = parsePartialDate(toText);
  return {
    from: from?.start,
    fromPrecision: from?.precision,
    to: to?.end,
    toPrecision: to?.precision,
  };
}

const personRelations = /^(reports_to|deputy_to)/;

export function publicRecordRows(reference: Reference): GraphRows {
  const nodes: RawRows['nodes'] = [];
  const relationships: RawRows['relationships'] = [];
  const provenance = (sourceIds: string[], confidence: z.infer<typeof ReferenceConfidence>) => ({
    sources: sourceIds,
    confidence: confidenceOf[confidence],
    synthetic: false,
  });

  for (const source of reference.sources) {
    const date = parsePartialDate(source.date);
    const dateText = date && (date.precision === 'day' ? date.start : date.precision === 'month' ? date.start.slice(0, 7) : date.start.slice(0, 4));
    // A date the record qualifies ("2022 (printed '12/06/2022', ...)") keeps its words in the notes.
    const dateNote = source.date && source.date !== dateText ? `Date as recorded: ${source.date}` : undefined;
    nodes.push({
      id: source.id,
      labels: ['Document'],
      properties: compact({
        name: source.title,
        collection: PUBLIC_RECORD_COLLECTION,
        publisher: source.publisher,
        date: dateText,
        url: source.url,
        notes: [source.note, dateNote].filter(Boolean).join(' ') || undefined,
        confidence: 'confirmed',
        synthetic: false,
      }),
    });
  }

  const orgIds = new Set(reference.organizations.map((org) => org.id));
  for (const org of reference.organizations) {
    nodes.push({
      id: org.id,
      labels: ['Organization'],
      properties: compact({
        name: org.name_en,
        nameZh: org.name_zh,
        level: org.level,
        orgType: organizationTypeOf(org.name_en),
        ...provenance(org.source_ids, org.confidence),
      }),
    });
  }

  for (const person of reference.people) {
    // A person with a stated post is an official; every person in the reference holds at least one.
    nodes.push({
      id: person.id,
      labels: ['Person', 'Official'],
      properties: compact({
        name: person.name_en,
        nameZh: person.name_zh,
        pinyin: person.pinyin,
        aliases: person.aliases,
        notes: person.notes,
        // A person's existence rests on the sources of their posts.
        ...provenance([...new Set(person.posts.flatMap((post) => post.source_ids))], 'stated'),
      }),
    });
    person.sanctions.forEach((sanction, index) => {
      const sanctionId = `sanction:${person.id}:${index}`;
      nodes.push({
        id: sanctionId,
        labels: ['Sanction'],
        properties: compact({
          name: [sanction.authority, sanction.program].filter(Boolean).join(': '),
          authority: sanction.authority,
          program: sanction.program,
          date: parsePartialDate(sanction.date)?.precision === 'day' ? sanction.date : undefined,
          measures: sanction.measures,
          ...provenance(sanction.source_ids, sanction.confidence),
        }),
      });
      relationships.push({
        id: `sanctioned:${person.id}:${index}`,
        type: 'SANCTIONED_UNDER',
        source: person.id,
        target: sanctionId,
        properties: compact({ ...validity(sanction.date, null), ...provenance(sanction.source_ids, sanction.confidence) }),
      });
    });
    person.posts.forEach((post, index) => {
      relationships.push({
        id: `post:${person.id}:${index}`,
        type: 'HELD_POST',
        source: person.id,
        target: post.org,
        properties: compact({
          title: post.title,
          head: isHeadPost(post.title),
          notes: post.note,
          ...validity(post.from, post.to),
          ...provenance(post.source_ids, post.confidence),
        }),
      });
    });
  }

  for (const facility of reference.facilities) {
    nodes.push({
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
    });
  }

  for (const directive of reference.directives) {
    const date = parsePartialDate(directive.date);
    nodes.push({
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
      relationships.push({
        id: `issued:${issuer}:${directive.id}`,
        type: 'ISSUED',
        source: issuer,
        target: directive.id,
        properties: compact({ ...validity(directive.date, null), ...provenance(directive.source_ids, directive.confidence) }),
      });
    }
  }

  // The hierarchy lists superior -> subordinate; the graph stores the upward link.
  const stated = new Set<string>();
  const facilityIds = new Set(reference.facilities.map((facility) => facility.id));
  for (const link of reference.hierarchy) {
    // A link no document states cannot be cited, so it stays out of the evidence graph.
    if (link.source_ids.length === 0) continue;
    const common = compact({
      relation: link.relation,
      notes: link.note,
      ...validity(link.from_date, link.to_date),
      ...provenance(link.source_ids, link.confidence),
    });
    if (orgIds.has(link.from_id) && orgIds.has(link.to_id)) {
      stated.add(`${link.to_id}>${link.from_id}`);
      relationships.push({ id: `sub:${link.to_id}:${link.from_id}`, type: 'SUBORDINATE_TO', source: link.to_id, target: link.from_id, properties: common });
    } else if (orgIds.has(link.from_id) && facilityIds.has(link.to_id)) {
      relationships.push({ id: `operates:${link.from_id}:${link.to_id}`, type: 'OPERATES', source: link.from_id, target: link.to_id, properties: common });
    } else if (personRelations.test(link.relation)) {
      relationships.push({ id: `reports:${link.from_id}:${link.to_id}`, type: 'REPORTS_TO', source: link.from_id, target: link.to_id, properties: common });
    } else if (/^policy_direction/.test(link.relation)) {
      // The record lists the superior first here ("xi_jinping -> zhao_kezhi"): the line runs upward from the second.
      relationships.push({ id: `reports:${link.to_id}:${link.from_id}`, type: 'REPORTS_TO', source: link.to_id, target: link.from_id, properties: common });
    } else if (/^issued_instruction_to/.test(link.relation) && orgIds.has(link.to_id)) {
      // An instruction is a directive's delivery: it joins the directive its issuer put out that day.
      const date = parsePartialDate(link.from_date)?.start;
      const directive = reference.directives.filter(
        (candidate) => candidate.issuer_ids.includes(link.from_id) && date && parsePartialDate(candidate.date)?.start === date,
      );
      if (directive.length === 1) {
        relationships.push({
          id: `addressed:${directive[0]!.id}:${link.to_id}`,
          type: 'ADDRESSED_TO',
          source: directive[0]!.id,
          target: link.to_id,
          properties: compact({ ...common, notes: `Joined to the directive by its issuer (${link.from_id}) and date (${link.from_date}).` }),
        });
      }
    }
  }

  // An organisation's parent, where no hierarchy entry already states the link, is a link of its own,
  // resting on the organisation entry's sources.
  for (const org of reference.organizations) {
    if (!org.parent_id || stated.has(`${org.id}>${org.parent_id}`)) continue;
    relationships.push({
      id: `sub:${org.id}:${org.parent_id}`,
      type: 'SUBORDINATE_TO',
      source: org.id,
      target: org.parent_id,
      properties: compact({ relation: 'parent organisation', ...provenance(org.source_ids, org.confidence) }),
    });
  }

  reference.figures.forEach((figure, index) => {
    nodes.push({
      id: `figure:${String(index + 1).padStart(2, '0')}`,
      labels: ['Figure'],
      properties: compact({ name: figure.claim, value: figure.value, notes: figure.note, ...provenance(figure.source_ids, figure.confidence) }),
    });
  });

  return { nodes: nodes.map((row) => NodeRow.parse(row)), relationships: relationships.map((row) => RelationshipRow.parse(row)) };
}
