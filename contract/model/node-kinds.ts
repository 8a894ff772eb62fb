// Each kind of node, stated once: its label, its words, its properties, which of them are searched
// and which are personal data, and how it is drawn. In the manner of FollowTheMoney's schema files:
// the full-text index, statistics, withholding, the client's styles, titles and legend derive from
// these records (tests/model.test.ts fails when one of them disagrees).
import { z } from 'zod';
import { DatePrecision, isoDate, Names, Provenance, sha256, StableId, text, Confidence } from './provenance.ts';

const OrganizationLevel = z.enum(['central', 'region', 'province', 'prefecture', 'city', 'county', 'township']);
export type OrganizationLevel = z.infer<typeof OrganizationLevel>;

export const OrganizationType = z.enum([
  'party-committee',
  'government',
  'public-security',
  'political-legal-commission',
  'armed-police',
  'camp-administration',
  'court',
  'other',
]);

export const FacilityType = z.enum(['camp', 'detention-centre', 'prison', 'police-station', 'other']);

export const DirectiveType = z.enum(['speech', 'order', 'protocol', 'telegram', 'regulation', 'bulletin', 'other']);

const PlaceType = z.enum(['region', 'prefecture', 'county', 'township', 'village', 'city', 'other']);

export const PersonProps = Provenance.extend(Names.shape).extend({
  id: StableId,
  gender: z.enum(['female', 'male', 'unknown']).optional(),
  /** Detainee records carry these; they are personal data that a viewer never receives. */
  birthDate: isoDate.optional(),
  age: z.number().int().min(0).max(120).optional(),
  idNumber: text.optional(),
  address: text.optional(),
  ethnicity: text.optional(),
  notes: text.optional(),
});

const OrganizationProps = Provenance.extend(Names.shape).extend({
  id: StableId,
  level: OrganizationLevel,
  orgType: OrganizationType.default('other'),
  notes: text.optional(),
});

export const FacilityProps = Provenance.extend(Names.shape).extend({
  id: StableId,
  facilityType: FacilityType,
  /** The source's own wording of the type ("re-education camp (VSETC)"). */
  typeDescription: text.optional(),
  county: text.optional(),
  prefecture: text.optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  capacity: z.number().int().min(0).optional(),
  notes: text.optional(),
});

const DirectiveProps = Provenance.extend(Names.shape).extend({
  id: StableId,
  directiveType: DirectiveType.default('other'),
  date: isoDate.optional(),
  datePrecision: DatePrecision.optional(),
  summary: text.optional(),
  /** The source's own description of who received it, when no organisation can be named. */
  recipients: text.optional(),
  notes: text.optional(),
});

/** A source: a leaked file or a published report. It is its own evidence, so `sources` is optional. */
const DocumentProps = z.object({
  id: StableId,
  name: text,
  collection: text,
  publisher: text.optional(),
  /** As the source gives it, possibly partial ("2022-05"). */
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be an ISO date, year or year-month')
    .optional(),
  pages: z.number().int().min(1).optional(),
  /** When the source was last read at its address, as a filing cites it ("accessed 2024-03-02"). */
  accessed: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be an ISO date, year or year-month')
    .optional(),
  checksum: sha256.optional(),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).optional(),
  /** The terms a file was published under, when an analyst imports it. */
  licence: text.optional(),
  notes: text.optional(),
  sources: z.array(text).optional(),
  confidence: Confidence.default('confirmed'),
  synthetic: z.boolean().default(false),
  imports: z.array(text).optional(),
});

const PhotoProps = Provenance.extend({
  id: StableId,
  name: text.optional(),
  takenAt: isoDate.optional(),
  checksum: sha256.optional(),
  /** A path in the local evidence store, never a remote address: photos are served locally or not at all. */
  file: text.optional(),
});

const PlaceProps = Provenance.extend(Names.shape).extend({
  id: StableId,
  /** Its level: an official unit's level in the division (a county-level city or district is `county`). */
  placeType: PlaceType,
  /** The official statistical division code (GB/T 2260 for counties and above, 9 digits for townships). */
  code: z
    .string()
    .regex(/^\d{2}(\d{2}){0,2}(\d{3})?$/, 'must be a division code of 2, 4, 6 or 9 digits')
    .optional(),
  /** Names of the units it lies in, nearest first ("天山区, 乌鲁木齐市"): what tells same-named places apart. */
  within: text.optional(),
  /** One entry per alias a source gives: "Konasheher County: s_wiki_xpf, s_mango". Its documents are in `sources` too. */
  aliasSources: z.array(text).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});

const SanctionProps = Provenance.extend({
  id: StableId,
  name: text,
  authority: text,
  program: text.optional(),
  date: isoDate.optional(),
  measures: text.optional(),
});

/** A headline figure about the leak itself (volumes, counts), kept with its sources. */
const FigureProps = Provenance.extend({
  id: StableId,
  name: text,
  value: text,
});

/** Cytoscape's node shapes the legend and the canvas use (a subset, so the contract needs no Cytoscape types). */
export type NodeShape =
  | 'ellipse'
  | 'triangle'
  | 'octagon'
  | 'hexagon'
  | 'round-rectangle'
  | 'diamond'
  | 'tag'
  | 'rectangle'
  | 'barrel'
  | 'star'
  | 'round-tag'
  | 'vee';

/**
 * Whether a person with this label is a victim whose personal data is withheld from redacted roles:
 * `always` wins (an official who was detained is protected as a detainee), then `never`, and a
 * person with neither (a relative) is protected by `default`.
 */
export type Protection = 'always' | 'never' | 'default';

export interface NodeKindSpec {
  title: string;
  plural: string;
  /**
   * The properties a node of this kind may hold, for the kinds a node is written as. A role label
   * (Official, Guard, Detainee) has none of its own: it rides on a Person.
   */
  properties: z.ZodObject | null;
  /** Its name fields are in the full-text index, so search finds it (a role is found through its Person). */
  searchable: boolean;
  /** Who among people is protected (only on Person and its roles). */
  protection?: Protection;
  /** Properties that identify someone protected (or a photo of them): withheld from redacted roles. */
  personal: readonly string[];
  /**
   * Properties a redacted role receives only from a published record (one with a `url`: a report
   * anyone can read) that no protected person, nor a link to one, cites in the same answer. Files
   * in the leak are often named after the person they are about.
   */
  shownIfPublished?: readonly string[];
  /** Okabe-Ito colours: told apart by colour-blind readers; the shape tells them apart in greyscale print. */
  draw: { className: string; shape: NodeShape; colour: string };
}

/** Name fields and free text that identify a protected person. */
const PERSONAL_NAMES = ['name', 'nameZh', 'pinyin', 'aliases', 'nameKeys', 'matchKeys'];

/**
 * Every label of the evidence graph, most specific first: the first label a node carries is the
 * kind it is shown as (a Person who is an Official is an official).
 */
export const nodeKinds = {
  Official: {
    title: 'Official',
    plural: 'Officials',
    properties: null,
    searchable: false,
    protection: 'never',
    personal: [],
    draw: { className: 'official', shape: 'ellipse', colour: '#0072b2' },
  },
  Guard: {
    title: 'Guard',
    plural: 'Guards',
    properties: null,
    searchable: false,
    protection: 'never',
    personal: [],
    draw: { className: 'guard', shape: 'triangle', colour: '#d55e00' },
  },
  Detainee: {
    title: 'Detainee',
    plural: 'Detainees',
    properties: null,
    searchable: false,
    protection: 'always',
    personal: [],
    draw: { className: 'detainee', shape: 'octagon', colour: '#cc79a7' },
  },
  Person: {
    title: 'Person',
    plural: 'People',
    properties: PersonProps,
    searchable: true,
    protection: 'default',
    // Age is withheld with the birth date it stands for (against a detention's disclosed date it
    // gives the birth year), and ethnicity is personal data in itself.
    personal: [...PERSONAL_NAMES, 'birthDate', 'age', 'idNumber', 'address', 'ethnicity', 'notes'],
    draw: { className: 'person', shape: 'hexagon', colour: '#999999' },
  },
  Organization: {
    title: 'Organisation',
    plural: 'Organisations',
    properties: OrganizationProps,
    searchable: true,
    personal: [],
    draw: { className: 'organization', shape: 'round-rectangle', colour: '#009e73' },
  },
  Facility: {
    title: 'Facility',
    plural: 'Facilities',
    properties: FacilityProps,
    searchable: true,
    personal: [],
    draw: { className: 'facility', shape: 'diamond', colour: '#e69f00' },
  },
  Directive: {
    title: 'Directive',
    plural: 'Directives',
    properties: DirectiveProps,
    searchable: true,
    personal: [],
    draw: { className: 'directive', shape: 'tag', colour: '#56b4e9' },
  },
  Document: {
    // Documents stay out of search: a source titled "Chen Quanguo - Wikipedia" must not outrank the man himself.
    title: 'Document',
    plural: 'Documents',
    properties: DocumentProps,
    searchable: false,
    // Analysts' notes on a source may name whom it is about; its title, address and checksum
    // identify the file, so they are shown to redacted roles only from a published source.
    personal: ['notes'],
    shownIfPublished: ['name', 'url', 'checksum'],
    draw: { className: 'document', shape: 'rectangle', colour: '#f0e442' },
  },
  Photo: {
    title: 'Photo',
    plural: 'Photos',
    properties: PhotoProps,
    searchable: false,
    // A photo's file and checksum identify it (and whom it shows); its provenance stays.
    personal: ['file', 'checksum', 'name'],
    draw: { className: 'photo', shape: 'round-rectangle', colour: '#bbbbbb' },
  },
  Place: {
    title: 'Place',
    plural: 'Places',
    properties: PlaceProps,
    searchable: true,
    personal: [],
    draw: { className: 'place', shape: 'barrel', colour: '#8fbc8f' },
  },
  Sanction: {
    title: 'Sanction',
    plural: 'Sanctions',
    properties: SanctionProps,
    searchable: false,
    personal: [],
    draw: { className: 'sanction', shape: 'star', colour: '#b22222' },
  },
  Figure: {
    title: 'Figure',
    plural: 'Figures',
    properties: FigureProps,
    searchable: false,
    personal: [],
    draw: { className: 'figure', shape: 'round-tag', colour: '#c0c0c0' },
  },
} as const satisfies Record<string, NodeKindSpec>;

/** A node whose labels name no kind of the model (never from our queries; a submitted export may have one). */
export const unknownKind = {
  title: 'Other',
  plural: 'Others',
  draw: { className: 'unknown', shape: 'vee', colour: '#555555' },
} as const satisfies Pick<NodeKindSpec, 'title' | 'plural' | 'draw'>;
