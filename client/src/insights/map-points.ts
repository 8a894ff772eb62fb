// What the map shows of the canvas: every drawn facility and place with coordinates, and each drawn
// person at the places their drawn links put them (home, detention, post), with the filters by kind,
// tier and type and the as-of date applied. Pure: the map view only draws these points.
import { displayOf, kindOf, type DisplayKind } from '../../../contract/model.ts';
import type { Json, Result, ResultEdge, ResultNode } from '../../../contract/result.ts';

export interface MapPoint {
  /** The node the point stands for (a person at a place is the person). */
  id: string;
  kind: DisplayKind;
  name: string;
  /** Where: the node's own coordinates, or those of the place a link puts it at. */
  latitude: number;
  longitude: number;
  /** The node whose coordinates these are (itself, or a facility or place). */
  at: string;
  atName: string;
  /** A facility's or place's type, for the type filter. */
  type: string;
  /** A facility's tier as its record gives it, an organisation's or place's level, for the tier filter. */
  tier: string;
  synthetic: boolean;
}

export interface MapFilter {
  /** Kinds shown; empty shows every kind. */
  kinds: readonly DisplayKind[];
  /** Types shown; empty shows every type. */
  types: readonly string[];
  tiers: readonly string[];
  /** ISO date: links not in force that day put nobody anywhere. */
  asOf?: string | undefined;
}

/** Links that put a person at a place. */
const placingTypes = new Set(['RESIDES_IN', 'DETAINED_AT', 'ASSIGNED_TO', 'LOCATED_IN']);

const text = (value: Json | undefined) => (typeof value === 'string' ? value : '');

function coordinates(node: ResultNode): { latitude: number; longitude: number } | null {
  const { latitude, longitude } = node.properties;
  return typeof latitude === 'number' && typeof longitude === 'number' ? { latitude, longitude } : null;
}

/** In force on `asOf`: started on or before it (or unknown) and not ended before it. */
export function inForce(edge: ResultEdge, asOf: string | undefined): boolean {
  if (!asOf) return true;
  const { from, to } = edge.properties;
  return (typeof from !== 'string' || from <= asOf) && (typeof to !== 'string' || to >= asOf);
}

export function mapPoints(result: Result, drawn: ReadonlySet<string>, asOf?: string): MapPoint[] {
  const nodes = new Map(result.nodes.filter((node) => drawn.has(node.id)).map((node) => [node.id, node]));
  const points: MapPoint[] = [];
  const point = (node: ResultNode, place: ResultNode, where: { latitude: number; longitude: number }): MapPoint => ({
    id: node.id,
    kind: kindOf(node.labels),
    name: text(node.properties.name) || node.id,
    ...where,
    at: place.id,
    atName: text(place.properties.name) || place.id,
    type: text(place.properties.facilityType) || text(place.properties.placeType),
    tier: text(node.properties.tier) || text(place.properties.tier) || text(place.properties.level) || text(place.properties.placeType),
    synthetic: node.properties.synthetic === true,
  });
  for (const node of nodes.values()) {
    const where = coordinates(node);
    if (where) points.push(point(node, node, where));
  }
  for (const edge of result.edges) {
    if (!placingTypes.has(edge.type) || !inForce(edge, asOf)) continue;
    const person = nodes.get(edge.source);
    const place = nodes.get(edge.target);
    if (!person || !place || coordinates(person)) continue;
    const where = coordinates(place);
    if (where) points.push(point(person, place, where));
  }
  return points;
}

export function filterPoints(points: readonly MapPoint[], filter: MapFilter): MapPoint[] {
  return points.filter(
    (point) =>
      (filter.kinds.length === 0 || filter.kinds.includes(point.kind)) &&
      (filter.types.length === 0 || filter.types.includes(point.type)) &&
      (filter.tiers.length === 0 || filter.tiers.includes(point.tier)),
  );
}

/** The values a filter can offer: those the points hold, in words for kinds. */
export function filterChoices(points: readonly MapPoint[]): { kinds: { value: DisplayKind; title: string }[]; types: string[]; tiers: string[] } {
  const kinds = [...new Set(points.map((point) => point.kind))];
  return {
    kinds: kinds.map((kind) => ({ value: kind, title: displayOf(kind).plural })),
    types: [...new Set(points.map((point) => point.type).filter(Boolean))].sort(),
    tiers: [...new Set(points.map((point) => point.tier).filter(Boolean))].sort(),
  };
}
