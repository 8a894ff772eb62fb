// The columns of every kind and relationship type, read off the model: what `npm run import -- --help`
// prints, what the README's import section holds (tests/integration/import-cli.test.ts keeps them
// equal), and what the mapping editor offers per kind.
import type { z } from 'zod';
import { NodeKind, PersonRole, RelationshipProps, RelationshipType, nodeSchemas, relationshipEnds } from '../model.ts';

/** Written by the importer, never read from a file. */
export const DERIVED_PROPERTIES = ['imports', 'nameKeys', 'matchKeys'] as const;

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'nonoptional', 'catch', 'pipe']);

/** A property's type in words: text, number, date, true|false, a list, or its allowed values. */
export function typeOf(schema: z.ZodType): string {
  let def = schema._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType; entries?: Record<string, string>; format?: string; check?: string };
  while (WRAPPERS.has(def.type) && (def.innerType || def.in)) def = (def.innerType ?? def.in)!._zod.def as typeof def;
  if (def.type === 'enum') return Object.values(def.entries ?? {}).join('|');
  if (def.type === 'number' || def.type === 'int') return 'number';
  if (def.type === 'boolean') return 'true|false';
  if (def.type === 'array') return 'list';
  if (def.format === 'date') return 'YYYY-MM-DD';
  return 'text';
}

export interface ColumnInfo {
  name: string;
  type: string;
  required: boolean;
}

/** The columns a file's rows of this kind (or role, or relationship type) may hold, `id` first. */
export function columnsOf(type: NodeKind | PersonRole | RelationshipType): ColumnInfo[] {
  const isLink = RelationshipType.safeParse(type).success;
  const schema: z.ZodObject = isLink ? RelationshipProps : nodeSchemas[(PersonRole.safeParse(type).success ? 'Person' : type) as NodeKind];
  const properties = Object.entries(schema.shape)
    .filter(([name]) => !(DERIVED_PROPERTIES as readonly string[]).includes(name) && name !== 'id')
    .map(([name, field]) => ({ name, type: typeOf(field as z.ZodType), required: !(field as z.ZodType).safeParse(undefined).success }));
  const ends = isLink
    ? [
        { name: 'source', type: `id of ${relationshipEnds[type as RelationshipType].from.join('|')}`, required: true },
        { name: 'target', type: `id of ${relationshipEnds[type as RelationshipType].to.join('|')}`, required: true },
      ]
    : [];
  return [{ name: 'id', type: 'stable id', required: true }, ...ends, ...properties];
}

/** A column as the reference lists it: `name*` when required, its type when it is not plain text. */
function describe(column: ColumnInfo): string {
  return `${column.name}${column.required ? '*' : ''}${column.type === 'text' ? '' : ` (${column.type})`}`;
}

/** Every type's columns as text: one line per kind and per relationship type, required ones marked "*". */
export function columnReference(): string {
  const kinds = NodeKind.options.map((kind) => `  ${kind.padEnd(16)} ${columnsOf(kind).map(describe).join(', ')}`);
  const links = RelationshipType.options.map(
    (type) => `  ${type.padEnd(16)} source: ${relationshipEnds[type].from.join('|')} -> target: ${relationshipEnds[type].to.join('|')}`,
  );
  const linkColumns = columnsOf('HELD_POST').filter((column) => column.name !== 'source' && column.name !== 'target');
  return [
    'Node kinds (* = required; a mapping fills id, sources and confidence):',
    ...kinds,
    `  ${PersonRole.options.join(', ')}: a Person with that role label (the columns of Person)`,
    'Relationship types, with their link ends: source = id of the node the link starts at, target = id',
    'of the node it ends at (not "sources", the documents cited, nor "from"/"to", the dates it held):',
    ...links,
    `Every relationship: id*, source*, target*, ${linkColumns
      .filter((column) => column.name !== 'id')
      .map(describe)
      .join(', ')}`,
  ].join('\n');
}
