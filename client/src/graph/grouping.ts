// Many like nodes drawn as one: when a node has a crowd of neighbours of one kind, joined by one type
// of link and to nothing else on the canvas (a facility's 181 detainees), they are drawn as one
// group node ("181 detainees ▸") that expands on demand. Pure, on Cytoscape element definitions.
import type { Collection, ElementDefinition } from 'cytoscape';
import { displayOf, type DisplayKind } from '../../../contract/model.ts';
import type { EdgeData, NodeData } from './to-elements.ts';

/** From this many like neighbours a crowd is grouped: fewer are read one by one. */
export const groupFrom = 12;

export interface GroupData {
  id: string;
  label: string;
  kind: 'Group';
  /** The kind of the grouped nodes, whose shape and colour the group takes. */
  memberKind: DisplayKind;
  count: number;
  /** The node the crowd hangs from. */
  hub: string;
  /** Ids of the grouped nodes and of the links that joined them to the hub. */
  members: string[];
  memberEdges: string[];
}

/** A group's id says what it gathers, so it is the same on every drawing and a saved expansion survives a redraw. */
export function groupId(hub: string, type: string, kind: DisplayKind): string {
  return `group:${hub}:${type}:${kind}`;
}

interface Leaf {
  node: ElementDefinition;
  edge: ElementDefinition;
}

/**
 * The elements with each crowd of like leaves replaced by one group node and one link to its hub.
 * A leaf is a node with exactly one link on the canvas; pinned nodes and the ids in `keep` (a chain's
 * own nodes, what the analyst selected) are never grouped, nor is any crowd in `expanded`.
 */
export function groupElements(
  elements: readonly ElementDefinition[],
  expanded: ReadonlySet<string>,
  keep: ReadonlySet<string> = new Set(),
): ElementDefinition[] {
  const nodes = elements.filter((element) => element.group === 'nodes');
  const edges = elements.filter((element) => element.group === 'edges');
  const degree = new Map<string, number>();
  for (const edge of edges) {
    const { source, target } = edge.data as EdgeData;
    degree.set(source, (degree.get(source) ?? 0) + 1);
    if (target !== source) degree.set(target, (degree.get(target) ?? 0) + 1);
  }
  const nodeById = new Map(nodes.map((node) => [String(node.data.id), node]));
  const crowds = new Map<string, Leaf[]>();
  for (const edge of edges) {
    const { source, target, type } = edge.data as EdgeData;
    for (const [leafId, hub] of [
      [source, target],
      [target, source],
    ] as const) {
      const leaf = nodeById.get(leafId);
      if (!leaf || degree.get(leafId) !== 1 || (degree.get(hub) ?? 0) < groupFrom || keep.has(leafId) || leafId === hub) continue;
      const key = groupId(hub, type, (leaf.data as NodeData).kind);
      const crowd = crowds.get(key) ?? [];
      crowd.push({ node: leaf, edge });
      crowds.set(key, crowd);
    }
  }
  const grouped = new Set<string>();
  const groups: ElementDefinition[] = [];
  for (const [key, crowd] of crowds) {
    if (crowd.length < groupFrom || expanded.has(key)) continue;
    const first = crowd[0]!;
    const memberKind = (first.node.data as NodeData).kind;
    const hub = (first.edge.data as EdgeData).source === first.node.data.id ? (first.edge.data as EdgeData).target : (first.edge.data as EdgeData).source;
    const members = crowd.map((leaf) => String(leaf.node.data.id));
    const memberEdges = crowd.map((leaf) => String(leaf.edge.data.id));
    for (const id of [...members, ...memberEdges]) grouped.add(id);
    const plural = displayOf(memberKind).plural.toLowerCase();
    const data: GroupData = { id: key, label: `${crowd.length} ${plural} ▸`, kind: 'Group', memberKind, count: crowd.length, hub, members, memberEdges };
    const edgeData = first.edge.data as EdgeData;
    const leafIsSource = edgeData.source === first.node.data.id;
    groups.push(
      { group: 'nodes', data, classes: ['group', displayOf(memberKind).draw.className] },
      {
        group: 'edges',
        data: {
          id: `${key}:link`,
          source: leafIsSource ? key : hub,
          target: leafIsSource ? hub : key,
          type: edgeData.type,
          caption: `${edgeData.caption} (${crowd.length})`,
          reversed: edgeData.reversed,
          synthetic: false,
          confidence: null,
        },
        classes: ['group-link'],
      },
    );
  }
  if (groups.length === 0) return [...elements];
  return [...elements.filter((element) => !grouped.has(String(element.data.id))), ...groups];
}

/** The ids a drawn group stands for (its members and their links), for exports and tables of "what is drawn". */
export function membersOf(data: Partial<GroupData>): string[] {
  return data.kind === 'Group' ? [...(data.members ?? []), ...(data.memberEdges ?? [])] : [];
}

/** Node and edge ids some drawn elements stand for: each group stands for its members and their links. */
export function drawnIds(elements: Collection): { nodes: Set<string>; edges: Set<string> } {
  const nodes = new Set<string>();
  const edges = new Set(elements.edges().map((edge) => edge.id()));
  elements.nodes().forEach((node) => {
    const data = node.data() as Partial<GroupData>;
    if (data.kind !== 'Group') {
      nodes.add(node.id());
      return;
    }
    for (const id of data.members ?? []) nodes.add(id);
    for (const id of data.memberEdges ?? []) edges.add(id);
  });
  return { nodes, edges };
}
