// Driver records -> the one Result shape: nodes, edges and paths keyed by our stable `id`, plain JSON values.
import neo4j, { type Node, type Path, type Record as Neo4jRecord, type Relationship } from 'neo4j-driver';
import type { Citation, Json, Result, ResultEdge, ResultMeta, ResultNode, ResultPath } from '../../contract/result.ts';
import { toJson } from './to-json.ts';

/** A column of this name holds the Document nodes cited by the rest of the record, not graph to draw. */
const CITATIONS_COLUMN = 'citations';

function isNode(value: unknown): value is Node {
  return value instanceof neo4j.types.Node;
}
function isRelationship(value: unknown): value is Relationship {
  return value instanceof neo4j.types.Relationship;
}
function isPath(value: unknown): value is Path {
  return value instanceof neo4j.types.Path;
}

/** Our id, or an error: a node without one is outside the evidence graph and must never be drawn. */
function stableId(element: Node | Relationship): string {
  const id = element.properties.id;
  if (typeof id !== 'string') throw new Error(`A ${isNode(element) ? 'node' : 'relationship'} without an "id" reached a result`);
  return id;
}

function toCitation(node: Node): Citation {
  const p = node.properties;
  const text = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : undefined);
  return {
    id: stableId(node),
    name: text('name') ?? stableId(node),
    ...(text('publisher') && { publisher: text('publisher') }),
    ...(text('date') && { date: text('date') }),
    ...(text('url') && { url: text('url') }),
    ...(text('collection') && { collection: text('collection') }),
  };
}

class ResultBuilder {
  private readonly nodes = new Map<string, ResultNode>();
  private readonly edges = new Map<string, ResultEdge>();
  private readonly paths: ResultPath[] = [];
  private readonly citations: Record<string, Citation> = {};
  private readonly summary: Record<string, Json> = {};
  /** Relationships carry element ids for their ends; our ids come from the nodes seen. */
  private readonly idByElementId = new Map<string, string>();

  addNode(node: Node): string {
    const id = stableId(node);
    this.idByElementId.set(node.elementId, id);
    if (!this.nodes.has(id)) {
      this.nodes.set(id, { id, labels: [...node.labels].sort(), properties: toJson(node.properties) as Record<string, Json> });
    }
    return id;
  }

  addRelationship(relationship: Relationship, source?: string, target?: string): string {
    const id = stableId(relationship);
    const from = source ?? this.idByElementId.get(relationship.startNodeElementId);
    const to = target ?? this.idByElementId.get(relationship.endNodeElementId);
    if (!from || !to) throw new Error(`Relationship "${id}" reached a result without its end nodes`);
    if (!this.edges.has(id)) {
      this.edges.set(id, { id, type: relationship.type, source: from, target: to, properties: toJson(relationship.properties) as Record<string, Json> });
    }
    return id;
  }

  /** A path's nodes and edges in traversal order; a later path in the same record continues it. */
  private addPath(path: Path, into: { nodes: string[]; edges: string[] }): void {
    const start = this.addNode(path.start);
    if (into.nodes.length === 0) into.nodes.push(start);
    else if (into.nodes.at(-1) !== start) throw new Error(`A path column starting at "${start}" does not continue the record's path`);
    for (const segment of path.segments) {
      this.addNode(segment.start);
      const end = this.addNode(segment.end);
      const stored = segment.relationship.startNodeElementId === segment.start.elementId;
      const [source, target] = stored ? [stableId(segment.start), end] : [end, stableId(segment.start)];
      into.edges.push(this.addRelationship(segment.relationship, source, target));
      into.nodes.push(end);
    }
  }

  private addGraphValue(value: unknown, pathParts: { nodes: string[]; edges: string[] } | null): void {
    if (isPath(value)) {
      if (pathParts) this.addPath(value, pathParts);
      else this.addPath(value, { nodes: [], edges: [] });
    } else if (isNode(value)) this.addNode(value);
    else if (isRelationship(value)) this.addRelationship(value);
    else if (Array.isArray(value)) for (const item of value) this.addGraphValue(item, null);
  }

  private static isGraphValue(value: unknown): boolean {
    if (isNode(value) || isRelationship(value) || isPath(value)) return true;
    return Array.isArray(value) && value.length > 0 && value.every((item) => ResultBuilder.isGraphValue(item));
  }

  /**
   * One record: every Path column joins one result path (a chain and its leadership), other graph
   * values become nodes and edges, `citations` fills the citation map, and scalar columns become
   * the path's attributes.
   */
  addRecord(record: Neo4jRecord): void {
    const parts = { nodes: [] as string[], edges: [] as string[] };
    const attributes: Record<string, Json> = {};
    // Nodes first, so relationships returned beside them can name their ends.
    const keys = [...record.keys].map(String).sort((a, b) => Number(isNode(record.get(b))) - Number(isNode(record.get(a))));
    for (const key of keys) {
      const value = record.get(key);
      if (key === CITATIONS_COLUMN) {
        for (const document of (value ?? []) as Node[]) this.citations[stableId(document)] = toCitation(document);
      } else if (isPath(value)) this.addPath(value, parts);
      else if (ResultBuilder.isGraphValue(value)) this.addGraphValue(value, null);
      else if (value !== null || !keys.some((k) => k !== key && isPath(record.get(k)))) attributes[key] = toJson(value);
    }
    if (parts.nodes.length > 0) this.paths.push({ ...parts, attributes });
    else Object.assign(this.summary, attributes);
  }

  build(meta: ResultMeta): Result {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()], paths: this.paths, citations: this.citations, summary: this.summary, meta };
  }
}

export function toResult(records: readonly Neo4jRecord[], meta: ResultMeta): Result {
  const builder = new ResultBuilder();
  for (const record of records) builder.addRecord(record);
  return builder.build(meta);
}
