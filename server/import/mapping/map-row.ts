// A mapping compiled against a file's header: checked once (every column it names exists, every
// property is the kind's, every left-out column kept or dropped on purpose), then applied to each
// row, giving graph rows that have passed NodeRow / RelationshipRow, or the reasons they did not.
import { basename } from 'node:path';
import type { z } from 'zod';
import {
  columnsOf,
  mappedColumns,
  type ConfidenceSource,
  type EntityMapping,
  type MappingDocument,
  type ValueSource,
} from '../../../contract/api/import-mapping.ts';
import { NodeRow, RelationshipRow } from '../../../contract/graph-rows.ts';
import { identifyingIdNumber } from '../../../contract/identity/id-number.ts';
import {
  Confidence,
  isProtected,
  type NodeKind,
  PersonRole,
  RelationshipProps,
  StableId,
  nodeSchemas,
  relationshipEnds,
  type NodeLabel,
  type RelationshipType,
} from '../../../contract/model.ts';
import { notImportable } from '../read-rows.ts';
import { type Cell, DELIMITERS, delimiterName, type SourceRow } from '../readers/table.ts';
import { fileDocumentId, linkId, nodeId, protectedNodeId } from './stable-ids.ts';
import { lastDay, readValue, ValueProblem, type ReadValue } from './values.ts';

/** One problem of a row (or of the mapping itself), pointed at a column where one is to blame. */
export interface MappingProblem {
  field: string;
  reason: string;
  column?: string;
  severity?: 'error' | 'warning';
}

export interface MappedNode {
  alias: string;
  row: NodeRow;
}

export interface MappedReference {
  alias: string;
  id: string;
  /** How the report names it: its id, or for a protected person's unreadable id, the key it was made from. */
  shownAs: string;
  /** The kinds a link from or to it allows, for the message when the graph's node is another kind. */
  labels: NodeLabel[];
}

export interface MappedRow {
  nodes: MappedNode[];
  references: MappedReference[];
  /** Ids this row would have made, had its values been good: the rows that link to them are named by it. */
  refused: string[];
  links: RelationshipRow[];
  problems: MappingProblem[];
}

export interface CompiledMapping {
  mapping: MappingDocument;
  columns: { mapped: string[]; kept: string[]; dropped: string[] };
  /** Problems of the mapping against this header: any error refuses the file before a row is read. */
  problems: MappingProblem[];
  /** The Document every element cites: the file itself (null when the mapping names documents). */
  fileDocument: NodeRow | null;
  /** What every element cites. */
  sources: string[];
  keep(row: SourceRow): boolean;
  map(row: SourceRow): MappedRow;
  /** How the report names the node an entity makes of a row (see MappedReference.shownAs). */
  shownAs(alias: string, row: SourceRow): string;
}

/** The columns an entity reads its ID number from. */
function idNumberColumns(entity: EntityMapping): string[] {
  const source = entity.properties.idNumber;
  return source === undefined ? [] : columnsOf(source);
}

/**
 * A number a spreadsheet holds as a number though it is an identifier: Excel keeps 15 significant
 * digits, so an 18-digit ID number typed or pasted into a cell formatted as a number comes back
 * rounded (6.50000199001011E+17, or 650000199001011200 from the cell's stored value).
 */
function roundedByExcel(cell: Cell): boolean {
  if (typeof cell === 'number') return Number.isInteger(cell) && Math.abs(cell) >= 1e15;
  return typeof cell === 'string' && /^[+-]?\d(\.\d+)?E\+?\d+$/i.test(cell) && Math.abs(Number(cell)) >= 1e15;
}

function labelsOf(entity: EntityMapping): { kind: NodeKind; labels: NodeLabel[] } {
  const role = PersonRole.safeParse(entity.kind);
  const kind: NodeKind = role.success ? 'Person' : (entity.kind as NodeKind);
  return { kind, labels: [...new Set<NodeLabel>([kind, ...(role.success ? [role.data] : []), ...entity.roles])] };
}

/** Properties the kind cannot do without, less those the engine fills (id, sources, confidence). */
function requiredProperties(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([key, field]) => !['id', 'sources', 'confidence'].includes(key) && !(field as z.ZodType).safeParse(undefined).success)
    .map(([key]) => key);
}

const DATE_PRECISION: Record<string, string> = { from: 'fromPrecision', to: 'toPrecision' };

/** A date read with its precision, as the property holds it (a tenure's end on the period's last day). */
function placeDate(properties: Record<string, unknown>, key: string, read: ReadValue, kind: NodeKind | 'link'): string | null {
  const date = read.date!;
  if (kind === 'link' && key in DATE_PRECISION) {
    properties[key] = key === 'to' ? lastDay(date) : date.iso;
    if (date.precision !== 'day') properties[DATE_PRECISION[key]!] = date.precision;
    return null;
  }
  if (kind === 'Directive' && key === 'date') {
    properties.date = date.iso;
    properties.datePrecision = date.precision;
    return null;
  }
  if (kind === 'Document' && key === 'date') {
    properties.date = date.partial;
    return null;
  }
  if (date.precision !== 'day') return `"${date.partial}" is a partial date; ${key} needs a day`;
  properties[key] = date.iso;
  return null;
}

function confidenceOf(source: ConfidenceSource, cells: Record<string, Cell>): { value?: Confidence; problem?: MappingProblem } {
  if (typeof source === 'string') return { value: source };
  const cell = cells[source.column];
  if (cell === null || cell === undefined) {
    return source.default
      ? { value: source.default }
      : { problem: { field: 'confidence', column: source.column, reason: 'is empty and the mapping gives no default' } };
  }
  const mapped = source.map ? source.map[String(cell)] : String(cell);
  const parsed = Confidence.safeParse(mapped);
  return parsed.success
    ? { value: parsed.data }
    : {
        problem: {
          field: 'confidence',
          column: source.column,
          reason: `"${cell}" is not a confidence (${Confidence.options.join(', ')})${source.map ? ' nor in its map' : ''}`,
        },
      };
}

/** Checks the mapping against the header; the list is empty when it fits. */
function checkMapping(mapping: MappingDocument, header: readonly string[], delimiter: string | undefined): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const present = new Set(header);
  // A CSV whose header reads as one column holding another delimiter was most likely read with the wrong one.
  const other = delimiter && header.length === 1 ? DELIMITERS.find((candidate) => candidate !== delimiter && header[0]!.includes(candidate)) : undefined;
  const hint =
    delimiter && other
      ? `; the header read as one column with ${delimiterName(delimiter)}, and it holds ${delimiterName(other)}: if that splits the file's columns, set source.delimiter: ${JSON.stringify(other)} in the mapping`
      : '';
  const needColumn = (field: string, column: string) => {
    if (!present.has(column)) problems.push({ field, reason: `names column "${column}", which the file lacks (its columns: ${header.join(', ')})${hint}` });
  };
  const checkSources = (owner: string, sources: Record<string, ValueSource>, shape: Record<string, unknown>, ownerName: string) => {
    for (const [key, source] of Object.entries(sources)) {
      if (key in notImportable) problems.push({ field: `${owner}.properties.${key}`, reason: notImportable[key]! });
      else if (!(key in shape) || key === 'id')
        problems.push({
          field: `${owner}.properties.${key}`,
          reason: `is not a property of ${ownerName} (known: ${Object.keys(shape)
            .filter((k) => k !== 'id' && !(k in notImportable))
            .join(', ')})`,
        });
      for (const column of columnsOf(source)) needColumn(`${owner}.properties.${key}`, column);
    }
  };
  const checkConfidence = (field: string, source: ConfidenceSource | undefined) => {
    if (source && typeof source === 'object') needColumn(field, source.column);
  };
  for (const [alias, entity] of Object.entries(mapping.entities)) {
    const { kind } = labelsOf(entity);
    const owner = `entities.${alias}`;
    for (const column of entity.key ?? []) needColumn(`${owner}.key`, column);
    if (entity.id) needColumn(`${owner}.id`, entity.id);
    if (entity.id && !entity.reference && (isProtected(labelsOf(entity).labels) || (kind === 'Person' && idNumberColumns(entity).includes(entity.id)))) {
      problems.push({
        field: `${owner}.id`,
        reason: `a ${entity.kind}'s id reaches every reader, a viewer included, so it may not be a column's value${isProtected(labelsOf(entity).labels) ? '' : ' holding ID numbers'}: give key: [${entity.id}] instead, and the id is made so that it cannot be read back`,
      });
    }
    checkSources(owner, entity.properties, nodeSchemas[kind].shape, `a ${kind}`);
    checkConfidence(`${owner}.confidence`, entity.confidence);
    if (!entity.reference) {
      const missing = requiredProperties(nodeSchemas[kind]).filter((key) => !(key in entity.properties));
      if (missing.length > 0) problems.push({ field: owner, reason: `a ${kind} needs ${missing.join(', ')}: give each a column, a literal or a value map` });
    }
  }
  mapping.links.forEach((link, index) => {
    const owner = `links.${index}`;
    checkSources(owner, link.properties, RelationshipProps.shape, 'a relationship');
    checkConfidence(`${owner}.confidence`, link.confidence);
    const ends = relationshipEnds[link.type as RelationshipType];
    for (const [end, allowed] of [
      ['from', ends.from],
      ['to', ends.to],
    ] as const) {
      const entity = mapping.entities[link[end]]!;
      const { labels } = labelsOf(entity);
      if (!allowed.some((label) => labels.includes(label))) {
        problems.push({
          field: `${owner}.${end}`,
          reason: `"${link[end]}" is a ${labels.join(' ')}; ${link.type} ${end === 'from' ? 'starts at' : 'ends at'} ${allowed.join(' or ')}`,
        });
      }
    }
  });
  checkConfidence('confidence', mapping.confidence);
  for (const filter of mapping.filters) needColumn('filters', filter.column);
  return problems;
}

export interface CompileContext {
  /** The file's name as the report gives it; the Document's title by default. */
  fileName: string;
  sha256: string;
  header: readonly string[];
  /** The delimiter a CSV or TSV was read with (Table.delimiter): a refusal names the one its header seems to use. */
  delimiter?: string;
  /** The graph's key for the ids that must say nothing of their keys (readNodeIdKey): protected people's, a file's Document's. */
  idKey: string;
}

export function compileMapping(mapping: MappingDocument, context: CompileContext): CompiledMapping {
  const problems = checkMapping(mapping, context.header, context.delimiter);
  const named = mappedColumns(mapping);
  const dropped = mapping.unmapped.drop.filter((column) => context.header.includes(column));
  for (const column of mapping.unmapped.drop.filter((column) => !context.header.includes(column))) {
    problems.push({ field: 'unmapped.drop', reason: `names column "${column}", which the file lacks`, severity: 'warning' });
  }
  const left = context.header.filter((column) => !named.has(column) && !dropped.includes(column));
  const keep = mapping.unmapped.keep;
  if (!keep) {
    for (const column of left) {
      problems.push({
        field: 'unmapped',
        column,
        reason: `column "${column}" is left out: map it, keep it (unmapped.keep) or drop it on purpose (unmapped.drop)`,
      });
    }
  }
  const kept = keep ? left : [];

  const fileDocument = mapping.documents
    ? null
    : NodeRow.parse({
        id: fileDocumentId(context.sha256, context.idKey),
        labels: ['Document'],
        properties: {
          name: mapping.document.title ?? basename(context.fileName),
          collection: mapping.document.collection,
          publisher: mapping.document.publisher,
          date: mapping.document.date,
          url: mapping.document.url,
          licence: mapping.document.licence,
          notes: mapping.document.notes,
          checksum: context.sha256,
          confidence: 'confirmed',
        },
      });
  const sources = mapping.documents ?? [fileDocument!.id];
  const entities = Object.entries(mapping.entities).map(([alias, entity]) => {
    const { kind, labels } = labelsOf(entity);
    const others = Object.entries(mapping.entities).filter(([other]) => other !== alias);
    const elsewhere = new Set(
      others.flatMap(([, other]) => [...(other.key ?? []), ...(other.id ? [other.id] : []), ...Object.values(other.properties).flatMap(columnsOf)]),
    );
    // The columns only this entity reads: a value there says the row is about it.
    const ownColumns = Object.values(entity.properties)
      .flatMap(columnsOf)
      .filter((column) => !elsewhere.has(column));
    const idColumns = idNumberColumns(entity);
    // An id made from an ID number shows it to every reader, whoever the person is: keyed too.
    const keyedId = isProtected(labels) || (kind === 'Person' && (entity.key ?? []).some((column) => idColumns.includes(column)));
    return { alias, entity, kind, labels, keyedId, idColumns, ownColumns };
  });
  const idOf = (entity: EntityMapping, kind: NodeKind, keyedId: boolean, values: readonly Cell[]): string => {
    const namespace = entity.namespace ?? mapping.namespace;
    if (!keyedId) return nodeId(namespace, kind, values);
    return protectedNodeId(namespace, kind, values, context.idKey);
  };
  /** A protected person's id says nothing of its key: the report names the key's columns and values instead. */
  const shown = (entity: EntityMapping, keyedId: boolean, id: string, values: readonly Cell[]): string =>
    keyedId ? `${(entity.key ?? [entity.id!]).map((column, i) => `${column} ${String(values[i])}`).join(', ')}` : id;

  function keepRow(row: SourceRow): boolean {
    return mapping.filters.every((filter) => {
      const cell = row.cells[filter.column] ?? null;
      if (filter.present !== undefined) return (cell !== null) === filter.present;
      const allowed = Array.isArray(filter.equals) ? filter.equals : [filter.equals!];
      return cell !== null && allowed.includes(String(cell));
    });
  }

  function properties(
    sourcesOf: Record<string, ValueSource>,
    cells: Record<string, Cell>,
    shape: Record<string, unknown>,
    kind: NodeKind | 'link',
    owner: string,
    problems: MappingProblem[],
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, source] of Object.entries(sourcesOf)) {
      try {
        const read = readValue(source, cells, shape[key] as z.ZodType | undefined);
        if (!read) continue;
        if (read.date) {
          const problem = placeDate(out, key, read, kind);
          if (problem) problems.push({ field: `${owner}.${key}`, column: columnsOf(source)[0], reason: problem });
        } else out[key] = read.value;
      } catch (error) {
        if (!(error instanceof ValueProblem)) throw error;
        problems.push({ field: `${owner}.${key}`, column: error.column, reason: error.reason });
      }
    }
    return out;
  }

  /** zod's issues, each pointed at the column its property came from. */
  function issues(error: z.ZodError, owner: string, sourcesOf: Record<string, ValueSource>, problems: MappingProblem[]): void {
    for (const issue of error.issues) {
      const key = issue.path[0] === 'properties' ? String(issue.path[1] ?? '') : String(issue.path[0] ?? '');
      const source = sourcesOf[key];
      // NodeRow passes a kind's issues on as its own (code 'custom'), with the message zod wrote.
      const missing = /received undefined$/.test(issue.message);
      problems.push({
        field: `${owner}.${key || '(row)'}`,
        column: source ? columnsOf(source)[0] : undefined,
        reason: missing ? 'is required but empty in this row' : issue.message,
      });
    }
  }

  function mapRow(row: SourceRow): MappedRow {
    const out: MappedRow = { nodes: [], references: [], refused: [], links: [], problems: [] };
    if (row.problem) out.problems.push({ field: '(row)', reason: row.problem });
    const rowConfidence = confidenceOf(mapping.confidence, row.cells);
    const ids = new Map<string, string>();
    for (const { alias, entity, kind, labels, keyedId, idColumns, ownColumns } of entities) {
      const keyColumns = entity.key ?? [entity.id!];
      // An ID number typed in full-width digits (６５００…) is the same number: one id, one match.
      const values = keyColumns.map((column) => {
        const cell = row.cells[column] ?? null;
        return typeof cell === 'string' && idColumns.includes(column) ? cell.normalize('NFKC') : cell;
      });
      const rounded = [...keyColumns, ...idColumns].find((column) => roundedByExcel(row.cells[column] ?? null));
      if (rounded) {
        out.problems.push({
          field: `entities.${alias}`,
          column: rounded,
          reason: `"${row.cells[rounded]}" is a number the spreadsheet rounded to 15 digits, so its last digits are lost (two people may now share it): the column must hold these numbers as text`,
        });
        continue;
      }
      const placeholder = keyColumns.find((column, i) => idColumns.includes(column) && values[i] !== null && !identifyingIdNumber(String(values[i])));
      if (values.every((value) => value === null) || placeholder) {
        // A row the entity has values for, yet no key to make its id from: it would be lost without a
        // word. A placeholder would make one person of all who have none: refused. An empty key is
        // the file's own gap (a detainee with no number on record): the rest imports, and the report
        // names each such row.
        const given = ownColumns.find((column) => !keyColumns.includes(column) && (row.cells[column] ?? null) !== null);
        if (entity.reference || !given) continue;
        const column = placeholder ?? keyColumns[0]!;
        const to = `key the entity on columns every row fills, or leave such rows out on purpose with a filter ({ column: ${column}, present: true })`;
        out.problems.push(
          placeholder
            ? {
                field: `entities.${alias}.key`,
                column,
                reason: `key column "${column}" holds "${row.cells[placeholder]}", a placeholder for no ID number, so this row's ${entity.kind} (${given} ${row.cells[given]}) cannot be told from others without one: ${to}`,
              }
            : {
                field: `entities.${alias}.key`,
                column,
                severity: 'warning',
                reason: `key column "${column}" is empty, so this row's ${entity.kind} (${given} ${row.cells[given]}) is not imported, nor its links: to import such rows, key the entity on columns every row fills; to leave them out without this warning, filter them ({ column: ${column}, present: true })`,
              },
        );
        continue;
      }
      const empty = keyColumns.filter((_, i) => values[i] === null);
      if (empty.length > 0) {
        out.problems.push({
          field: `entities.${alias}.key`,
          column: empty[0],
          reason: `key column "${empty[0]}" is empty while ${keyColumns.filter((c) => !empty.includes(c)).join(', ')} is not`,
        });
        continue;
      }
      const id = entity.id ? String(values[0]) : idOf(entity, kind, keyedId, values);
      if (entity.id && !StableId.safeParse(id).success) {
        out.problems.push({
          field: `entities.${alias}.id`,
          column: entity.id,
          reason: `"${id}" is not a stable id (${StableId.safeParse(id).error!.issues[0]!.message})`,
        });
        continue;
      }
      ids.set(alias, id);
      if (entity.reference) {
        out.references.push({ alias, id, shownAs: shown(entity, keyedId, id, values), labels });
        continue;
      }
      const owner = `entities.${alias}`;
      const before = out.problems.length;
      const props = properties(entity.properties, row.cells, nodeSchemas[kind].shape, kind, owner, out.problems);
      if (typeof props.idNumber === 'string') props.idNumber = props.idNumber.normalize('NFKC');
      const confidence = entity.confidence ? confidenceOf(entity.confidence, row.cells) : rowConfidence;
      if (confidence.problem) out.problems.push(confidence.problem);
      if (out.problems.length > before) {
        out.refused.push(id);
        continue;
      }
      const parsed = NodeRow.safeParse({ id, labels, properties: { ...props, sources, confidence: confidence.value } });
      if (!parsed.success) {
        issues(parsed.error, owner, entity.properties, out.problems);
        out.refused.push(id);
        continue;
      }
      if (keep && keep.on === alias) {
        for (const column of kept) {
          const cell = row.cells[column];
          if (cell !== null && cell !== undefined) parsed.data.properties[`${keep.prefix}${column}`] = String(cell);
        }
      }
      out.nodes.push({ alias, row: parsed.data });
    }
    mapping.links.forEach((link, index) => {
      const source = ids.get(link.from);
      const target = ids.get(link.to);
      const owner = `links.${index}`;
      if (!source || !target) {
        // No link without both ends; but a row that gives the link's own values (a date of entry) and
        // leaves an end's key empty (a merged cell, which only its first row holds) would lose them.
        const absent = source ? link.to : link.from;
        const given = Object.values(link.properties)
          .flatMap(columnsOf)
          .find((column) => (row.cells[column] ?? null) !== null);
        const reported = out.problems.some((problem) => problem.field.startsWith(`entities.${absent}.`) || problem.field === `entities.${absent}`);
        if (!given || reported) return;
        const entity = mapping.entities[absent]!;
        const column = (entity.key ?? [entity.id!])[0]!;
        out.problems.push({
          field: owner,
          column,
          severity: 'warning',
          reason: `this row gives the ${link.type}'s ${given} (${row.cells[given]}) but no ${absent}: "${column}" is empty (a merged cell holds its value in its first row only), so the link is not made and ${given} is not stored: fill the column in every row to make it`,
        });
        return;
      }
      if (source === target) {
        // A post reporting to itself (an organogram's typing slip) would make a chain of command loop.
        const entity = mapping.entities[link.to]!;
        out.problems.push({ field: owner, column: (entity.key ?? [entity.id!])[0], reason: `this row's ${link.type} goes from ${link.from} to itself` });
        return;
      }
      const before = out.problems.length;
      const props = properties(link.properties, row.cells, RelationshipProps.shape, 'link', owner, out.problems);
      const confidence = link.confidence ? confidenceOf(link.confidence, row.cells) : rowConfidence;
      if (confidence.problem) out.problems.push(confidence.problem);
      if (out.problems.length > before) return;
      const parsed = RelationshipRow.safeParse({
        id: linkId(mapping.namespace, link.type, source, target),
        type: link.type,
        source,
        target,
        properties: { ...props, sources, confidence: confidence.value },
      });
      if (parsed.success) out.links.push(parsed.data);
      else issues(parsed.error, owner, link.properties, out.problems);
    });
    return out;
  }

  return {
    mapping,
    columns: { mapped: context.header.filter((column) => named.has(column)), kept, dropped },
    problems,
    fileDocument,
    sources,
    keep: keepRow,
    map: mapRow,
    shownAs(alias, row) {
      const found = entities.find((entity) => entity.alias === alias)!;
      const values = (found.entity.key ?? [found.entity.id!]).map((column) => row.cells[column] ?? null);
      return shown(found.entity, found.keyedId, found.entity.id ? String(values[0]) : idOf(found.entity, found.kind, found.keyedId, values), values);
    },
  };
}
