// What every export shares: the elements it can draw, chains walked link by link, dates at their recorded precision.
// Pure functions of a Result, so saved views and query answers export the same way.
import { Confidence, RelationshipType, relationshipCaption, weakestConfidence } from '../../contract/model.ts';
import type { Json, Result, ResultEdge, ResultNode } from '../../contract/result.ts';

export interface ExportGraph {
  nodes: ResultNode[];
  edges: ResultEdge[];
  /** Edges left out because an end is missing or the id is taken: every graph tool refuses them. */
  omittedEdgeIds: string[];
}

/**
 * A Result as a drawable graph: each id once (a relationship comes back once per path) and no edge
 * whose end is not in the answer. A Result from our own queries never has one; a submitted one may.
 */
export function exportGraph(result: Result): ExportGraph {
  const nodes = [...new Map(result.nodes.map((node) => [node.id, node])).values()];
  const nodeIds = new Set(nodes.map((node) => node.id));
  const edges: ResultEdge[] = [];
  const omittedEdgeIds: string[] = [];
  const seen = new Set<string>();
  for (const edge of result.edges) {
    if (seen.has(edge.id)) continue;
    seen.add(edge.id);
    // Cytoscape keeps one id space for nodes and edges, so an edge may not reuse a node's id.
    if (nodeIds.has(edge.id) || !nodeIds.has(edge.source) || !nodeIds.has(edge.target)) omittedEdgeIds.push(edge.id);
    else edges.push(edge);
  }
  return { nodes, edges, omittedEdgeIds };
}

/** Search keys derived from the names (contract/names.ts): rebuilt on import, not a fact about anyone. */
const derivedProperties: ReadonlySet<string> = new Set(['nameKeys', 'matchKeys']);

/** Lists of our ids: joined with ";" in text exports. A stable id cannot hold ";" (model.ts `StableId`). */
const idListProperties: ReadonlySet<string> = new Set(['sources', 'imports']);

/** The name a person reads: the record's name, else its id. */
export function nameOf(node: ResultNode | undefined, id: string): string {
  const name = node?.properties.name;
  return typeof name === 'string' && name.trim() !== '' ? name : id;
}

function confidenceOf(value: Json | undefined): Confidence | null {
  const parsed = Confidence.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** What the relationship says read from `from` to `to`; `reversed` when that runs against its stored direction. */
export function captionOf(type: string, reversed: boolean): string {
  const known = RelationshipType.safeParse(type);
  if (!known.success) return reversed ? `${type} (reversed)` : type;
  return reversed ? relationshipCaption[known.data].reverse : relationshipCaption[known.data].forward;
}

/**
 * A date as the source gives it. model.ts stores a partial date as the first (or last) day of its
 * period with the precision beside it; "2016-08-01" of precision `month` reads "2016-08", so no
 * reader takes a month for a day.
 */
export function dateAtPrecision(value: Json | undefined, precision: Json | undefined): string | null {
  if (typeof value !== 'string' || value === '') return null;
  if (precision === 'year') return value.slice(0, 4);
  if (precision === 'month') return value.slice(0, 7);
  return value;
}

/**
 * A property as text-based exports (GraphML, CSV) write it: a date at its recorded precision, id
 * lists joined with ";", other lists and maps as JSON (a name may hold any character), null as absent.
 */
export function exportValue(key: string, properties: Record<string, Json>): string | number | boolean | null {
  const value = properties[key];
  if (value === null || value === undefined) return null;
  const precision = properties[`${key}Precision`];
  if (typeof value === 'string' && precision !== undefined) return dateAtPrecision(value, precision);
  if (Array.isArray(value)) {
    return idListProperties.has(key) && value.every((item) => typeof item === 'string') ? value.join(';') : JSON.stringify(value);
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/**
 * Column names for the properties of some elements: `leading` first (those present or not), then the
 * rest alphabetically. A property whose name a format already uses for its own column (`label`,
 * `kind`) is written as `property_<name>`, so nothing is overwritten and nothing is lost.
 */
export function propertyColumns(
  elements: readonly { properties: Record<string, Json> }[],
  leading: readonly string[],
  reserved: ReadonlySet<string>,
): { key: string; column: string }[] {
  const present = new Set<string>();
  for (const element of elements) for (const key of Object.keys(element.properties)) present.add(key);
  const rest = [...present].filter((key) => !leading.includes(key) && key !== 'id' && !derivedProperties.has(key)).sort();
  return [...leading, ...rest].map((key) => ({ key, column: reserved.has(key) ? `property_${key}` : key }));
}

export interface ChainLink {
  /** 1-based position in the chain, as the evidence report numbers it. */
  number: number;
  edgeId: string;
  edge: ResultEdge | undefined;
  /** The lower and upper node as the chain climbs this link. */
  from: string;
  to: string;
  /** True when the chain climbs against the stored direction (a facility to the body that OPERATES it). */
  reversed: boolean;
  caption: string;
  confidence: Confidence | null;
}

export interface Chain {
  /** 1-based, in the Result's order (the query returns the strongest first). */
  number: number;
  nodes: string[];
  links: ChainLink[];
  /** The weakest link's confidence: a chain is as strong as its weakest link. */
  strength: Confidence | null;
  weakestLink: ChainLink | null;
}

/**
 * Each path of a Result as a chain of links. The query states `strength` and `weakestLinkId`; when a
 * submitted Result lacks them (or names a link not in the path) they are worked out from the links,
 * the first weakest link in climbing order, as chain-of-command.cypher picks it.
 */
export function chainsOf(result: Result): Chain[] {
  const edges = new Map(result.edges.map((edge) => [edge.id, edge]));
  return result.paths.map((path, index) => {
    const links: ChainLink[] = path.edges.map((edgeId, i) => {
      const edge = edges.get(edgeId);
      const from = path.nodes[i] ?? '';
      const to = path.nodes[i + 1] ?? '';
      const reversed = edge !== undefined && edge.source !== from && edge.target === from;
      return {
        number: i + 1,
        edgeId,
        edge,
        from,
        to,
        reversed,
        caption: edge ? captionOf(edge.type, reversed) : 'linked to',
        confidence: confidenceOf(edge?.properties.confidence),
      };
    });
    const stated = links.find((link) => link.edgeId === path.attributes.weakestLinkId);
    const weakest = weakestConfidence(links.map((link) => link.confidence).filter((c): c is Confidence => c !== null));
    const weakestLink = stated ?? links.find((link) => weakest !== null && link.confidence === weakest) ?? null;
    const strength = confidenceOf(path.attributes.strength) ?? weakestLink?.confidence ?? null;
    return { number: index + 1, nodes: path.nodes, links, strength, weakestLink };
  });
}

/** Edge id -> the chains it belongs to and those it is the weakest link of, for filtering in Gephi or a sheet. */
export function chainMembership(chains: readonly Chain[]): Map<string, { chains: number[]; weakestIn: number[] }> {
  const membership = new Map<string, { chains: number[]; weakestIn: number[] }>();
  for (const chain of chains) {
    for (const link of chain.links) {
      const entry = membership.get(link.edgeId) ?? { chains: [], weakestIn: [] };
      // Chains come in order, so a chain already listed is the last one: no search through the list.
      if (entry.chains.at(-1) !== chain.number) entry.chains.push(chain.number);
      if (chain.weakestLink?.edgeId === link.edgeId && entry.weakestIn.at(-1) !== chain.number) entry.weakestIn.push(chain.number);
      membership.set(link.edgeId, entry);
    }
  }
  return membership;
}
