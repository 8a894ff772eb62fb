// Keeps Cytoscape in line with the workspace's content: adds, updates and removes elements, locks the
// pinned, remembers where hidden nodes stood, puts positions and the camera back and reads them, marks
// what changed since a saved version, and switches to the plain style for large graphs.
import type cytoscape from 'cytoscape';
import { groupElements } from '../graph/grouping.ts';
import { plainFromElements, withRenderAdjustments } from '../graph/render-options.ts';
import { toElements } from '../graph/to-elements.ts';
import { timeView } from './time-filter.ts';
import { queryAnchors, visibleResult, type WorkspaceContent } from './workspace-content.ts';
import type { ChangeHighlight, Point, WorkspaceViewport } from './workspace.ts';

export interface CanvasSync {
  /** Brings the canvas in line with `content`; returns the nodes it added that have no place yet. */
  apply(content: WorkspaceContent): cytoscape.NodeCollection;
  /** A drawing that starts over: where earlier nodes stood no longer says where they go. */
  forgetPlaces(): void;
  /** Moves the nodes named in `positions` there, pinned ones included. */
  place(positions: Readonly<Record<string, Point>>): void;
  positions(): Record<string, Point>;
  viewport(): WorkspaceViewport;
  setViewport(viewport: WorkspaceViewport): void;
  /** Marks what changed since a saved version (added, changed); undefined clears the marks. */
  mark(highlight: ChangeHighlight | undefined): void;
  /** The stylesheet to draw with; large graphs get render-options.ts's plain overlay on top. */
  setStylesheet(stylesheet: cytoscape.StylesheetJson): void;
  /** Draws a group's members one by one from the next apply on (graph/grouping.ts). */
  expandGroup(id: string): void;
}

/** Comparing two dates: what entered and what left between them is classed so (graph/style.ts draws them apart). */
function withTimeMarks(elements: cytoscape.ElementDefinition[], content: WorkspaceContent): cytoscape.ElementDefinition[] {
  const view = content.filters.compareWith ? timeView(content.result, content.filters, queryAnchors(content)) : null;
  if (!view) return elements;
  return elements.map((element) => {
    const id = String(element.data.id);
    const mark = view.entered.has(id) ? 'entered' : view.left.has(id) ? 'left' : null;
    return mark ? { ...element, classes: [...((element.classes as string[] | undefined) ?? []), mark] } : element;
  });
}

/** `stylesheet` must be the one `cy` was created with. */
export function createCanvasSync(cy: cytoscape.Core, stylesheet: cytoscape.StylesheetJson): CanvasSync {
  let baseStylesheet = stylesheet;
  /** Whether the plain overlay for large graphs is on: restyling thousands of elements is only worth it when this flips. */
  let plain = false;
  const applyStylesheet = (force: boolean) => {
    const large = cy.elements().length >= plainFromElements;
    if (!force && large === plain) return;
    plain = large;
    cy.style(withRenderAdjustments('canvas', baseStylesheet, cy.elements().length));
  };
  /** Where hidden or filtered-out nodes last stood, so they come back to the same place. */
  const lastPositions = new Map<string, Point>();
  /** Groups the analyst opened; a drawing that starts over closes them all. */
  const expandedGroups = new Set<string>();

  return {
    apply(content) {
      // A chain's own nodes and the pinned ones are never folded into a group: they are what the analyst
      // reads. An expansion's one-hop paths are no chain, so its crowd can still be folded.
      const chains = content.result.paths.filter((path) => path.edges.length > 1 || 'strength' in path.attributes);
      const keep = new Set([...content.pinned, ...chains.flatMap((path) => path.nodes)]);
      const wanted = groupElements(withTimeMarks(toElements(visibleResult(content)), content), expandedGroups, keep);
      const wantedIds = new Set(wanted.map((element) => String(element.data.id)));
      let added = cy.collection();
      cy.batch(() => {
        const leaving = cy.elements().filter((element) => !wantedIds.has(element.id()));
        leaving.nodes().forEach((node) => {
          lastPositions.set(node.id(), { ...node.position() });
        });
        leaving.remove();
        for (const definition of wanted) {
          const id = String(definition.data.id);
          const existing = cy.getElementById(id);
          const classes = (definition.classes as string[] | undefined) ?? [];
          // An edge drawn the other way round now (a chain climbs it) cannot be re-pointed: draw it anew.
          const turned =
            existing.nonempty() &&
            existing.isEdge() &&
            (existing.source().id() !== definition.data.source || existing.target().id() !== definition.data.target);
          if (existing.nonempty() && !turned) {
            existing.data(definition.data);
            existing.classes(classes);
            continue;
          }
          if (turned) existing.remove();
          const remembered = definition.group === 'nodes' ? lastPositions.get(id) : undefined;
          const element = cy.add(remembered ? { ...definition, position: { ...remembered } } : definition);
          if (!remembered) added = added.union(element);
        }
        cy.nodes().forEach((node) => {
          if (content.pinned.has(node.id())) node.lock();
          else node.unlock();
        });
      });
      applyStylesheet(false);
      return added.nodes();
    },
    forgetPlaces() {
      lastPositions.clear();
      expandedGroups.clear();
    },
    expandGroup: (id) => void expandedGroups.add(id),
    place(positions) {
      cy.nodes().forEach((node) => {
        const position = positions[node.id()];
        if (!position) return;
        const locked = node.locked();
        if (locked) node.unlock();
        node.position(position);
        if (locked) node.lock();
      });
    },
    positions() {
      const positions: Record<string, Point> = {};
      cy.nodes().forEach((node) => {
        const { x, y } = node.position();
        positions[node.id()] = { x, y };
      });
      return positions;
    },
    viewport: () => ({ zoom: cy.zoom(), pan: { ...cy.pan() } }),
    setViewport: (viewport) => cy.viewport({ zoom: viewport.zoom, pan: { ...viewport.pan } }),
    mark(highlight) {
      cy.elements().removeClass('changed-added changed-changed');
      if (!highlight) return;
      for (const id of highlight.added) cy.getElementById(id).addClass('changed-added');
      for (const id of highlight.changed) cy.getElementById(id).addClass('changed-changed');
    },
    setStylesheet(next) {
      baseStylesheet = next;
      applyStylesheet(true);
    },
  };
}
