// Exploring by hand: double-click expands a node, right-click opens a menu of what can be done from it
// (expand by relationship type, hide, pin, remove, the curated queries that start there, path ends),
// and the toolbar finds the shortest paths between two selected nodes.
import './explore.css';
import { kindOf, RelationshipType, relationshipCaption } from '../../../contract/model.ts';
import { createElement, requireElement } from '../dom.ts';
import { nodeName } from '../graph/to-elements.ts';
import { type Panel, type PanelContext, panelLifetime } from './panel.ts';

interface MenuItem {
  text: string;
  action: string;
  run(): void;
}

/** Links fetched per expansion; past it, "load more" asks for the next page. */
const expandPage = 200;

/** Longest path the shortest-path queries consider; the catalogue's own ceiling. */
const maxPathDepth = 8;

/** Mounts on the canvas's container (#graph); the menu opens over it. */
export function mountExplore(context: PanelContext, container: HTMLElement): Panel {
  const { workspace, runner, status } = context;
  const { cy } = workspace;
  const lifetime = panelLifetime();
  const { signal } = lifetime;
  const menu = createElement('div', { className: 'context-menu', attrs: { id: 'context-menu', role: 'menu', 'aria-label': 'Node actions' } });
  menu.hidden = true;
  // Outside the canvas's container: Cytoscape reads every press inside it as a tap on the graph,
  // which would close the menu before its button saw the click.
  document.body.append(menu);
  lifetime.defer(() => menu.remove());
  const pathEnds: { from: string | null; to: string | null } = { from: null, to: null };

  const nodeOf = (id: string) => workspace.result().nodes.find((node) => node.id === id);
  const nameOf = (id: string) => {
    const node = nodeOf(id);
    return node ? nodeName(node) : id;
  };

  const loadMore = requireElement('load-more', HTMLButtonElement);
  /** The last expansion the limit cut: "load more" asks for its next page. */
  let cutExpansion: { id: string; types: RelationshipType[]; offset: number } | null = null;
  const expand = async (id: string, types: RelationshipType[], offset = 0) => {
    const what = types.length === 0 ? 'every link' : types.map((type) => relationshipCaption[type].forward).join(', ');
    const page = offset === 0 ? '' : `, links ${offset + 1} to ${offset + expandPage}`;
    loadMore.hidden = true;
    const answer = await runner.draw(
      'expand-neighbourhood',
      { id, types, direction: 'both', offset, limit: expandPage },
      { mode: 'merge', layout: 'overview', near: id, doing: `Expanding ${nameOf(id)} (${what}${page})`, kind: 'expand', signal },
    );
    cutExpansion = answer?.meta.truncated ? { id, types, offset: offset + expandPage } : null;
    loadMore.hidden = cutExpansion === null;
    if (cutExpansion) loadMore.textContent = `Load ${expandPage} more links of ${nameOf(id)}`;
  };
  loadMore.addEventListener(
    'click',
    () => {
      if (cutExpansion) void expand(cutExpansion.id, cutExpansion.types, cutExpansion.offset);
    },
    { signal },
  );

  const shortestPaths = (fromId: string, toId: string) =>
    runner.draw(
      'all-shortest-paths',
      { fromId, toId, maxDepth: maxPathDepth },
      { mode: 'replace', layout: 'path', doing: `Shortest paths from ${nameOf(fromId)} to ${nameOf(toId)}`, signal },
    );

  const setPathEnd = (end: 'from' | 'to', id: string) => {
    pathEnds[end] = id;
    if (pathEnds.from && pathEnds.to && pathEnds.from !== pathEnds.to) void shortestPaths(pathEnds.from, pathEnds.to);
    else status.set({ state: 'idle', message: `Path ${end === 'from' ? 'start' : 'end'}: ${nameOf(id)}. Now pick the other end.` });
  };

  const itemsFor = (id: string): MenuItem[] => {
    const node = nodeOf(id);
    if (!node) return [];
    const kind = kindOf(node.labels);
    const pinned = workspace.isPinned(id);
    const items: MenuItem[] = [
      { text: 'Expand: every link', action: 'expand', run: () => void expand(id, []) },
      ...RelationshipType.options.map((type) => ({
        text: `Expand: ${relationshipCaption[type].forward} / ${relationshipCaption[type].reverse}`,
        action: `expand-${type}`,
        run: () => void expand(id, [type]),
      })),
      { text: 'Trace to leadership', action: 'trace', run: () => void context.trace(node) },
    ];
    if (kind === 'Facility') {
      items.push({
        text: 'Who is responsible',
        action: 'who-is-responsible',
        run: () =>
          void runner.draw(
            'who-is-responsible',
            { id, asOf: context.asOf() },
            { mode: 'replace', layout: 'chain', doing: `Who is responsible for ${nameOf(id)}`, signal },
          ),
      });
    }
    if (kind === 'Directive') {
      items.push({
        text: 'Directive propagation',
        action: 'directive-propagation',
        run: () => void runner.draw('directive-propagation', { id }, { mode: 'replace', layout: 'cascade', doing: `How ${nameOf(id)} propagated`, signal }),
      });
    }
    items.push(
      { text: 'Set as path start', action: 'path-from', run: () => setPathEnd('from', id) },
      { text: 'Set as path end', action: 'path-to', run: () => setPathEnd('to', id) },
      { text: pinned ? 'Unpin' : 'Pin where it is', action: pinned ? 'unpin' : 'pin', run: () => workspace.setPinned([id], !pinned) },
      { text: 'Hide', action: 'hide', run: () => workspace.hide([id]) },
      { text: 'Remove from the workspace', action: 'remove', run: () => workspace.remove([id]) },
    );
    return items;
  };

  const closeMenu = () => {
    menu.hidden = true;
    menu.replaceChildren();
  };

  const openMenu = (id: string, at: { x: number; y: number }) => {
    const items = itemsFor(id);
    if (items.length === 0) return;
    menu.dataset.id = id;
    menu.replaceChildren(
      createElement('p', { className: 'context-menu-title', text: nameOf(id) }),
      ...items.map((item) => {
        const button = createElement('button', { text: item.text, attrs: { type: 'button', role: 'menuitem', 'data-action': item.action } });
        button.addEventListener('click', () => {
          closeMenu();
          item.run();
        });
        return button;
      }),
    );
    menu.hidden = false;
    // Kept inside the canvas: a menu opened near the right or bottom edge opens leftward or upward.
    const bounds = container.getBoundingClientRect();
    const left = Math.max(0, Math.min(at.x, bounds.width - menu.offsetWidth));
    const top = Math.max(0, Math.min(at.y, bounds.height - menu.offsetHeight));
    menu.style.left = `${bounds.left + left}px`;
    menu.style.top = `${bounds.top + top}px`;
    menu.querySelector('button')?.focus();
  };

  lifetime.onCanvas(cy, 'cxttap', 'node', (event) => openMenu(event.target.id(), event.renderedPosition));
  // A group of like nodes ("181 detainees ▸") opens on a click: its members are drawn one by one.
  lifetime.onCanvas(cy, 'tap', 'node.group', (event) => void workspace.expandGroup(event.target.id()));
  lifetime.onCanvas(cy, 'tap', closeMenu);
  lifetime.onCanvas(cy, 'viewport', closeMenu);
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && !menu.hidden) closeMenu();
    },
    { signal },
  );
  // Cytoscape calls any two quick taps a double tap, even on two different things (the background,
  // then a node): only two taps on the same node expand it.
  let previousTap: unknown = null;
  let lastTap: unknown = null;
  lifetime.onCanvas(cy, 'tap', (event) => {
    previousTap = lastTap;
    lastTap = event.target;
  });
  lifetime.onCanvas(cy, 'dbltap', 'node', (event) => {
    if (previousTap === event.target) void expand(event.target.id(), []);
  });

  const shortestButton = requireElement('shortest-paths', HTMLButtonElement);
  const updateShortestButton = () => {
    shortestButton.disabled = cy.nodes(':selected').length !== 2;
  };
  lifetime.onCanvas(cy, 'select unselect', 'node', updateShortestButton);
  updateShortestButton();
  shortestButton.addEventListener(
    'click',
    () => {
      const [from, to] = cy.nodes(':selected').map((node) => node.id());
      if (from && to) void shortestPaths(from, to);
    },
    { signal },
  );
  return { dispose: lifetime.dispose };
}
