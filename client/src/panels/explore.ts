// Exploring by hand: double-click expands a node, right-click (or the Menu key on the selected node)
// opens a menu of what can be done from it, in groups: expand by the relationship types the node has,
// with their counts; trace and the curated queries that start there; path ends; pin, hide, remove.
// The toolbar finds the shortest paths between two selected nodes.
import './explore.css';
import { displayOf, kindOf, RelationshipType, relationshipCaption } from '../../../contract/model.ts';
import { runQuery } from '../api.ts';
import { createElement, requireElement } from '../dom.ts';
import { nodeName } from '../graph/to-elements.ts';
import { moveInMenu } from './menu-keys.ts';
import { type Panel, type PanelContext, panelLifetime } from './panel.ts';
import { describeError } from './status.ts';

interface MenuItem {
  text: string;
  action: string;
  run(): void;
}

/** Links fetched per expansion; past it, "load more" asks for the next page. */
const expandPage = 200;

interface MenuGroup {
  title: string;
  items: MenuItem[];
}

/** Links of one type at a node, as relationship-counts.cypher answers: `out` the node starts, `in` that reach it. */
interface TypeCount {
  type: RelationshipType;
  out: number;
  in: number;
}

function typeCounts(summary: Record<string, unknown>): TypeCount[] {
  const listed = Array.isArray(summary.relationshipCounts) ? summary.relationshipCounts : [];
  return listed.flatMap((entry) => {
    const { type, out, in: incoming } = (entry ?? {}) as Record<string, unknown>;
    const known = RelationshipType.safeParse(type);
    return known.success && typeof out === 'number' && typeof incoming === 'number' ? [{ type: known.data, out, in: incoming }] : [];
  });
}

/** A type's expansion in words, read from the node: "detention place of (181)", or both ways when it has both. */
function expandText({ type, out, in: incoming }: TypeCount): string {
  const caption = relationshipCaption[type];
  if (out > 0 && incoming > 0) return `${caption.forward} (${out}) / ${caption.reverse} (${incoming})`;
  return out > 0 ? `${caption.forward} (${out})` : `${caption.reverse} (${incoming})`;
}

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
  type Direction = 'out' | 'in' | 'both';
  /** The last expansion the limit cut: "load more" asks for its next page. */
  let cutExpansion: { id: string; types: RelationshipType[]; direction: Direction; offset: number } | null = null;
  const expand = async (id: string, types: RelationshipType[], direction: Direction = 'both', offset = 0) => {
    const what = types.length === 0 ? 'every link' : types.map((type) => relationshipCaption[type].forward).join(', ');
    const page = offset === 0 ? '' : `, links ${offset + 1} to ${offset + expandPage}`;
    loadMore.hidden = true;
    const answer = await runner.draw(
      'expand-neighbourhood',
      { id, types, direction, offset, limit: expandPage },
      { mode: 'merge', layout: 'overview', near: id, doing: `Expanding ${nameOf(id)} (${what}${page})`, kind: 'expand', signal },
    );
    cutExpansion = answer?.meta.truncated ? { id, types, direction, offset: offset + expandPage } : null;
    loadMore.hidden = cutExpansion === null;
    if (cutExpansion) loadMore.textContent = `Load ${expandPage} more links of ${nameOf(id)}`;
  };
  loadMore.addEventListener(
    'click',
    () => {
      if (cutExpansion) void expand(cutExpansion.id, cutExpansion.types, cutExpansion.direction, cutExpansion.offset);
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

  /** The menu's groups; `counts` null while the node's relationship counts load. */
  const groupsFor = (id: string, counts: TypeCount[] | null): MenuGroup[] => {
    const node = nodeOf(id);
    if (!node) return [];
    const kind = kindOf(node.labels);
    const pinned = workspace.isPinned(id);
    const total = counts?.reduce((sum, count) => sum + count.out + count.in, 0);
    const expandItems: MenuItem[] = [
      { text: total === undefined ? 'Every link' : `Every link (${total})`, action: 'expand', run: () => void expand(id, []) },
      ...(counts ?? []).map((count) => ({
        text: expandText(count),
        action: `expand-${count.type}`,
        run: () => void expand(id, [count.type], count.out > 0 && count.in > 0 ? 'both' : count.out > 0 ? 'out' : 'in'),
      })),
    ];
    const traceItems: MenuItem[] = [{ text: 'Trace to the leadership', action: 'trace', run: () => void context.trace(node) }];
    if (kind === 'Facility') {
      traceItems.push({
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
      traceItems.push({
        text: 'Directive propagation',
        action: 'directive-propagation',
        run: () => void runner.draw('directive-propagation', { id }, { mode: 'replace', layout: 'cascade', doing: `How ${nameOf(id)} propagated`, signal }),
      });
    }
    return [
      { title: counts === null ? 'Expand (counting links…)' : 'Expand', items: expandItems },
      { title: 'Trace', items: traceItems },
      {
        title: 'Paths',
        items: [
          { text: 'Set as path start', action: 'path-from', run: () => setPathEnd('from', id) },
          { text: 'Set as path end', action: 'path-to', run: () => setPathEnd('to', id) },
        ],
      },
      {
        title: `This ${displayOf(kind).title.toLowerCase()}`,
        items: [
          { text: pinned ? 'Unpin' : 'Pin where it is', action: pinned ? 'unpin' : 'pin', run: () => workspace.setPinned([id], !pinned) },
          { text: 'Hide', action: 'hide', run: () => workspace.hide([id]) },
          { text: 'Remove from the workspace', action: 'remove', run: () => workspace.remove([id]) },
        ],
      },
    ];
  };

  let countsRequest: AbortController | null = null;
  lifetime.defer(() => countsRequest?.abort());
  /** The types the node has, counted by the server; the menu first opens without them and fills in. */
  const loadCounts = async (id: string): Promise<TypeCount[] | string> => {
    countsRequest?.abort();
    const request = new AbortController();
    countsRequest = request;
    try {
      return typeCounts((await runQuery('relationship-counts', { id }, request.signal)).summary);
    } catch (error) {
      return describeError(error);
    }
  };

  const closeMenu = () => {
    menu.hidden = true;
    menu.replaceChildren();
  };

  const renderMenu = (id: string, counts: TypeCount[] | null, problem: string | null) => {
    const groups = groupsFor(id, counts);
    const kind = kindOf(nodeOf(id)?.labels ?? []);
    menu.replaceChildren(
      createElement('p', { className: 'context-menu-title', text: nameOf(id) }, [
        createElement('span', { className: 'context-menu-kind', text: ` · ${displayOf(kind).title}` }),
      ]),
      ...groups.map((group, g) =>
        createElement('div', { className: 'context-menu-group', attrs: { role: 'group', 'aria-labelledby': `context-menu-group-${g}` } }, [
          createElement('p', { className: 'context-menu-heading', text: group.title, attrs: { id: `context-menu-group-${g}`, role: 'presentation' } }),
          ...group.items.map((item) => {
            const button = createElement('button', { text: item.text, attrs: { type: 'button', role: 'menuitem', 'data-action': item.action } });
            button.addEventListener('click', () => {
              closeMenu();
              item.run();
            });
            return button;
          }),
        ]),
      ),
      ...(problem ? [createElement('p', { className: 'context-menu-problem', text: `Link counts did not load: ${problem}` })] : []),
    );
  };

  const openMenu = (id: string, at: { x: number; y: number }) => {
    if (!nodeOf(id)) return;
    menu.dataset.id = id;
    menu.dataset.state = 'counting';
    renderMenu(id, null, null);
    menu.hidden = false;
    place(at);
    menu.querySelector('button')?.focus();
    void loadCounts(id).then((counts) => {
      if (menu.hidden || menu.dataset.id !== id) return;
      const focused = (document.activeElement as HTMLElement | null)?.dataset.action;
      if (typeof counts === 'string') renderMenu(id, [], counts);
      else renderMenu(id, counts, null);
      menu.dataset.state = 'ready';
      place(at);
      (menu.querySelector<HTMLElement>(`button[data-action="${focused}"]`) ?? menu.querySelector('button'))?.focus();
    });
  };

  // Kept inside the canvas: a menu opened near the right or bottom edge opens leftward or upward.
  const place = (at: { x: number; y: number }) => {
    const bounds = container.getBoundingClientRect();
    const left = Math.max(0, Math.min(at.x, bounds.width - menu.offsetWidth));
    const top = Math.max(0, Math.min(at.y, bounds.height - menu.offsetHeight));
    menu.style.left = `${bounds.left + left}px`;
    menu.style.top = `${bounds.top + top}px`;
  };

  menu.addEventListener('keydown', (event) => moveInMenu(event, [...menu.querySelectorAll<HTMLElement>('button')], closeAndRefocus), { signal });
  const closeAndRefocus = () => {
    closeMenu();
    container.focus();
  };
  // The keyboard's way to the menu: the Menu key or Shift+F10 on the focused graph, for the selected node.
  container.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'ContextMenu' && !(event.key === 'F10' && event.shiftKey)) return;
      const selected = cy.nodes(':selected').first();
      if (selected.empty()) return;
      event.preventDefault();
      openMenu(selected.id(), selected.renderedPosition());
    },
    { signal },
  );

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
