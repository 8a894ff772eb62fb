// The mapping document: how the columns of one source file become nodes and links of the model.
// Written in YAML or JSON by an analyst (or by the browser's mapping editor), checked here by zod on
// both sides, versioned like a saved view, so a mapping saved today still reads after the shape grows.
import { z } from 'zod';
import { Confidence, NodeKind, PersonRole, RelationshipType, StableId } from '../model.ts';

export const MAPPING_SCHEMA_VERSION = 1;

/** The file formats a reader exists for (server/import/readers/registry.ts). */
export const SourceFormat = z.enum(['csv', 'tsv', 'xlsx', 'json', 'jsonl', 'bundle']);
export type SourceFormat = z.infer<typeof SourceFormat>;

const column = z.string().min(1, 'must name a column');
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/**
 * A date pattern: YYYY, MM or M, DD or D, and literal characters between them ("DD/MM/YYYY",
 * "YYYY年M月D日"). A pattern without a day ("YYYY-MM", "YYYY") reads a partial date.
 */
export const DatePattern = z.string().refine((pattern) => pattern.includes('YYYY'), 'must contain YYYY');

const valueShape = {
  /** Take the column's cell. */
  column: column.optional(),
  /** Several columns' non-empty cells, joined by `separator`. */
  join: z.array(column).min(2, 'joins at least two columns').optional(),
  separator: z.string().default(' '),
  /** The same value on every row. */
  literal: scalar.optional(),
  /** Text with `{column}` placeholders filled from the row. */
  template: z.string().min(1).optional(),
  /** The cell's text looked up in this table (e.g. tier "1" -> "camp"); a value it lacks is an error. */
  map: z.record(z.string(), scalar).optional(),
  /** A list: the cell cut at any of these separators. */
  split: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  /** Read as a date in the first of these patterns that fits. */
  date: z.union([DatePattern, z.array(DatePattern).min(1)]).optional(),
};

const ValueObject = z.strictObject(valueShape).superRefine((source, context) => {
  const given = (['column', 'join', 'literal', 'template'] as const).filter((key) => source[key] !== undefined);
  if (given.length !== 1) {
    context.addIssue({
      code: 'custom',
      message: `takes exactly one of column, join, literal or template${given.length ? ` (not ${given.join(' and ')})` : ''}`,
    });
  }
});

/** Where one value comes from. A bare string is shorthand for `{column: ...}`. */
export const ValueSource = z.union([column.transform((name) => ValueObject.parse({ column: name })), ValueObject]);
export type ValueSource = z.output<typeof ValueSource>;

/** A confidence for every element of the file, or per row from a column (mapped, with a default when empty). */
export const ConfidenceSource = z.union([
  Confidence,
  z.strictObject({ column, map: z.record(z.string(), Confidence).optional(), default: Confidence.optional() }),
]);
export type ConfidenceSource = z.output<typeof ConfidenceSource>;

const alias = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a name of letters, digits and "_"');

export const EntityMapping = z
  .strictObject({
    /** A node kind, or a role (a Person with that role label). */
    kind: z.union([NodeKind, PersonRole]),
    /** More role labels on a Person (an official who was also detained). */
    roles: z.array(PersonRole).default([]),
    /** Columns whose values make the stable id, under the namespace: `<namespace>:<kind>:<values>`. */
    key: z.array(column).min(1).optional(),
    /** A column that already holds stable ids of the graph, taken as they are. */
    id: column.optional(),
    /** Overrides the mapping's namespace for this entity (two files naming the same things). */
    namespace: z.string().optional(),
    /** Names a node the file itself or the graph already holds: nothing is written for it, it must exist. */
    reference: z.boolean().default(false),
    properties: z.record(z.string(), ValueSource).default({}),
    confidence: ConfidenceSource.optional(),
  })
  .superRefine((entity, context) => {
    if ((entity.key === undefined) === (entity.id === undefined))
      context.addIssue({ code: 'custom', path: ['key'], message: 'takes exactly one of key or id' });
    if (entity.reference && Object.keys(entity.properties).length > 0)
      context.addIssue({ code: 'custom', path: ['properties'], message: 'a reference writes no properties' });
  });
export type EntityMapping = z.output<typeof EntityMapping>;

export const LinkMapping = z.strictObject({
  type: RelationshipType,
  from: alias,
  to: alias,
  properties: z.record(z.string(), ValueSource).default({}),
  confidence: ConfidenceSource.optional(),
});
export type LinkMapping = z.output<typeof LinkMapping>;

/** Rows kept: a column has a value (`present`), or one of the listed values (`equals`). */
export const RowFilter = z
  .strictObject({ column, present: z.boolean().optional(), equals: z.union([z.string(), z.array(z.string()).min(1)]).optional() })
  .refine((filter) => (filter.present === undefined) !== (filter.equals === undefined), 'takes exactly one of present or equals');
export type RowFilter = z.output<typeof RowFilter>;

const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be an ISO date, year or year-month');

/** The file itself as a source: a Document every element it yields cites. Its SHA-256 is computed. */
export const FileDocument = z.strictObject({
  title: z.string().trim().min(1).optional(),
  collection: z.string().trim().min(1).default('Imported files'),
  publisher: z.string().trim().min(1).optional(),
  date: partialDate.optional(),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).optional(),
  licence: z.string().trim().min(1).optional(),
  notes: z.string().trim().min(1).optional(),
});

export const MappingDocument = z
  .strictObject({
    schemaVersion: z.literal(MAPPING_SCHEMA_VERSION),
    /** What this mapping is for, as the history and the saved-mapping list show it. */
    name: z.string().trim().min(1).max(200).optional(),
    /** Prefix of every stable id the mapping makes, so two datasets never collide. */
    namespace: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1-40 lower-case letters, digits and "-"'),
    source: z
      .strictObject({
        format: SourceFormat.optional(),
        /** GB18030, GBK, Big5, latin1, utf-16le…: any encoding iconv-lite knows. Absent: UTF-8, or UTF-16 by its byte-order mark. */
        encoding: z.string().min(1).optional(),
        delimiter: z.string().length(1).optional(),
        sheet: z.string().min(1).optional(),
        /** 1-based row holding the column names (a title above the table pushes it down). */
        headerRow: z.number().int().min(1).max(1000).default(1),
      })
      .default({ headerRow: 1 }),
    document: FileDocument.default({ collection: 'Imported files' }),
    /** Cite these Documents (already in the graph) instead of the file itself. */
    documents: z.array(StableId).min(1).optional(),
    confidence: ConfidenceSource.default('reported'),
    filters: z.array(RowFilter).default([]),
    entities: z.record(alias, EntityMapping).refine((entities) => Object.keys(entities).length > 0, 'must declare at least one entity'),
    links: z.array(LinkMapping).default([]),
    /** The columns no value source names: kept as raw text properties on one entity, or dropped on purpose. */
    unmapped: z
      .strictObject({
        keep: z
          .strictObject({
            on: alias,
            prefix: z
              .string()
              .regex(/^[a-z][A-Za-z0-9]*_$/, 'must be lower-case letters ending in "_"')
              .default('raw_'),
          })
          .optional(),
        drop: z.array(column).default([]),
      })
      .default({ drop: [] }),
  })
  .superRefine((mapping, context) => {
    const aliases = new Set(Object.keys(mapping.entities));
    mapping.links.forEach((link, index) => {
      for (const end of ['from', 'to'] as const) {
        if (!aliases.has(link[end]))
          context.addIssue({ code: 'custom', path: ['links', index, end], message: `"${link[end]}" is not an entity of this mapping` });
      }
    });
    const keep = mapping.unmapped.keep?.on;
    if (keep !== undefined && !aliases.has(keep))
      context.addIssue({ code: 'custom', path: ['unmapped', 'keep', 'on'], message: `"${keep}" is not an entity of this mapping` });
    if (keep !== undefined && mapping.entities[keep]?.reference)
      context.addIssue({ code: 'custom', path: ['unmapped', 'keep', 'on'], message: `"${keep}" is a reference, which writes no properties` });
  });
export type MappingDocument = z.output<typeof MappingDocument>;
/** A mapping as written, before defaults: what the editor builds and a YAML file holds. */
export type MappingInput = z.input<typeof MappingDocument>;

/** One step per version: step[n] takes a version-n mapping to version n + 1. None yet: version 1 is the first. */
const upgradeSteps: Record<number, (document: Record<string, unknown>) => Record<string, unknown>> = {};

function schemaVersionOf(document: Record<string, unknown>): number {
  const version = document.schemaVersion;
  const refuse = (message: string): never => {
    throw new z.ZodError([{ code: 'custom', path: ['schemaVersion'], message, input: version }]);
  };
  if (version === undefined) return refuse(`is required: state the version this mapping is written for (${MAPPING_SCHEMA_VERSION})`);
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return refuse('must be a whole number from 1');
  if (version > MAPPING_SCHEMA_VERSION)
    return refuse(`${version} is newer than this version of xpf-explorer reads (${MAPPING_SCHEMA_VERSION}): update it first`);
  return version;
}

/** Any mapping this app ever wrote -> the current shape, one step per version, then checked. Throws a ZodError naming each field. */
export function upgradeMapping(document: unknown): MappingDocument {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new z.ZodError([{ code: 'custom', path: [], message: 'a mapping is an object (YAML keys or a JSON object)', input: document }]);
  }
  let current = document as Record<string, unknown>;
  for (let version = schemaVersionOf(current); version < MAPPING_SCHEMA_VERSION; version++) current = upgradeSteps[version]!(current);
  return MappingDocument.parse(current);
}

/** Every column a value source reads, in the order the mapping names them. */
export function columnsOf(source: ValueSource): string[] {
  if (source.column !== undefined) return [source.column];
  if (source.join !== undefined) return source.join;
  if (source.template !== undefined) return [...source.template.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!);
  return [];
}

/** Every column the mapping reads (keys, ids, values, confidences, filters). */
export function mappedColumns(mapping: MappingDocument): Set<string> {
  const columns = new Set<string>();
  const confidence = (source: ConfidenceSource | undefined) => {
    if (source && typeof source === 'object') columns.add(source.column);
  };
  for (const entity of Object.values(mapping.entities)) {
    for (const name of entity.key ?? []) columns.add(name);
    if (entity.id) columns.add(entity.id);
    for (const source of Object.values(entity.properties)) for (const name of columnsOf(source)) columns.add(name);
    confidence(entity.confidence);
  }
  for (const link of mapping.links) {
    for (const source of Object.values(link.properties)) for (const name of columnsOf(source)) columns.add(name);
    confidence(link.confidence);
  }
  confidence(mapping.confidence);
  for (const filter of mapping.filters) columns.add(filter.column);
  return columns;
}
