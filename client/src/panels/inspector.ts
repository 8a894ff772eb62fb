// The inspector: one node or edge with its labels, properties and the documents its `sources` cite, all as text.
import { kindOf, relationshipCaption, RelationshipType } from '../../../contract/model.ts';
import type { Citation, Json, Result, ResultEdge, ResultNode } from '../../../contract/result.ts';
import { fetchNode, isAbort } from '../api.ts';
import { createElement } from '../dom.ts';
import { chainsOnly, summarizeChains } from '../graph/chain-summary.ts';
import { kindStyles } from '../graph/style.ts';
import { nodeName } from '../graph/to-elements.ts';
import { propertyTitle } from '../../../contract/model.ts';
import { formatDate, formatValidity, formatValue, safeLink } from './format.ts';
import { type Panel, type PanelContext, panelLifetime } from './panel.ts';
import { describeError } from './status.ts';

export type Citations = Record<string, Citation>;

/**
 * Left out of the property list: shown elsewhere in the inspector (title, badges, sources list,
 * validity line), or bookkeeping an analyst has no use for (the search keys derived from the names,
 * the imports that wrote the record).
 */
const shownApart = new Set([
  'name',
  'sources',
  'synthetic',
  'redacted',
  'confidence',
  'from',
  'to',
  'fromPrecision',
  'toPrecision',
  'datePrecision',
  'nameKeys',
  'matchKeys',
  'imports',
]);

/** The inspector's first properties, in this order; any other property follows alphabetically. */
const leadingKeys = ['nameZh', 'pinyin', 'aliases', 'title', 'head', 'relation', 'role', 'level', 'facilityType', 'date'];

export interface EdgeView {
  /** Names of the ends as drawn, and the caption read that way. */
  from: string;
  caption: string;
  to: string;
  /** Names of the ends as stored. */
  storedSource: string;
  storedTarget: string;
  /** Numbers of the chains whose weakest link this is. */
  weakestOf: number[];
}

export function showHint(container: HTMLElement, text: string): void {
  mark(container, '', '');
  container.replaceChildren(createElement('p', { className: 'hint', text }));
}

export function showNode(container: HTMLElement, node: ResultNode, citations: Citations, onTrace?: (node: ResultNode) => void): void {
  const kind = kindOf(node.labels);
  const name = nodeName(node);
  mark(container, 'node', node.id);

  const children: Node[] = [
    createElement('h2', { className: 'inspector-title', text: name }),
    badges(node.properties, [createElement('span', { className: `badge kind-${kindStyles[kind].className}`, text: kindStyles[kind].title })]),
    createElement('p', { className: 'labels', text: `Labels: ${node.labels.join(', ')}` }),
    propertyList(node.properties),
  ];
  if (onTrace && kind !== 'Document') {
    const trace = createElement('button', {
      className: 'trace-chain',
      text: 'Trace chain of command from here',
      attrs: { type: 'button', 'data-id': node.id },
    });
    trace.addEventListener('click', () => onTrace(node));
    children.push(trace);
  }
  children.push(sourcesSection(node.properties.sources, citations));
  container.replaceChildren(...children);
}

export function showEdge(container: HTMLElement, edge: ResultEdge, view: EdgeView, citations: Citations): void {
  mark(container, 'edge', edge.id);
  const known = RelationshipType.safeParse(edge.type);
  const stored = known.success ? relationshipCaption[known.data].forward : edge.type;
  const weakest =
    view.weakestOf.length === 0
      ? []
      : [createElement('span', { className: 'badge badge-weakest', text: `Weakest link of chain ${view.weakestOf.join(', ')}` })];
  const validity = formatValidity(edge.properties);

  container.replaceChildren(
    createElement('h2', { className: 'inspector-title' }, [
      createElement('span', { text: view.from }),
      createElement('span', { className: 'caption', text: ` ${view.caption} ` }),
      createElement('span', { text: view.to }),
    ]),
    badges(edge.properties, [createElement('span', { className: 'badge', text: edge.type }), ...weakest]),
    createElement('p', { className: 'labels', text: `Recorded as: ${view.storedSource} ${stored} ${view.storedTarget}` }),
    propertyList(edge.properties, validity === null ? [] : [['In force', validity]]),
    sourcesSection(edge.properties.sources, citations),
  );
}

function mark(container: HTMLElement, kind: '' | 'node' | 'edge', id: string): void {
  container.dataset.kind = kind;
  container.dataset.id = id;
}

function badges(properties: Record<string, Json>, leading: HTMLElement[]): HTMLElement {
  const list = [...leading];
  const { confidence } = properties;
  if (typeof confidence === 'string') list.push(createElement('span', { className: `badge badge-${confidence}`, text: confidence }));
  // Synthetic records are test data: say so loudly, in words, wherever they are inspected.
  if (properties.synthetic === true) {
    list.push(createElement('span', { className: 'badge badge-synthetic', text: 'SYNTHETIC record', attrs: { 'data-badge': 'synthetic' } }));
  }
  // The server withheld this person's identifying details from this account; the name is a pseudonym.
  if (properties.redacted === true) {
    list.push(
      createElement('span', {
        className: 'badge badge-redacted',
        text: 'REDACTED: name is a pseudonym, details withheld',
        attrs: { 'data-badge': 'redacted' },
      }),
    );
  }
  return createElement('p', { className: 'badges' }, list);
}

function propertyList(properties: Record<string, Json>, extra: [string, string][] = []): HTMLDListElement {
  // An empty list (no aliases recorded) says nothing worth a row.
  const isEmptyList = (value: Json | undefined) => Array.isArray(value) && value.length === 0;
  const keys = Object.keys(properties).filter((key) => !shownApart.has(key) && !isEmptyList(properties[key]));
  const ordered = [...leadingKeys.filter((key) => keys.includes(key)), ...keys.filter((key) => !leadingKeys.includes(key)).sort()];
  const rows: [string, string, string?][] = [
    ...extra,
    ...ordered.map((key): [string, string, string?] => [propertyTitle(key), shownValue(key, properties), key === 'nameZh' ? 'zh' : undefined]),
  ];
  return createElement(
    'dl',
    { className: 'properties' },
    rows.flatMap(([title, value, lang]) => [createElement('dt', { text: title }), createElement('dd', { text: value, attrs: lang ? { lang } : {} })]),
  );
}

function shownValue(key: string, properties: Record<string, Json>): string {
  const value = properties[key] ?? null;
  if (key === 'date' && typeof value === 'string') return formatDate(value, properties.datePrecision);
  return formatValue(value);
}

function sourcesSection(sources: Json | undefined, citations: Citations): HTMLElement {
  const ids = Array.isArray(sources) ? sources.filter((id) => typeof id === 'string') : [];
  const body =
    ids.length === 0
      ? createElement('p', { className: 'no-sources', text: 'No source cited for this record.' })
      : createElement(
          'ol',
          { className: 'sources' },
          ids.map((id) => citationItem(id, citations[id])),
        );
  return createElement('section', { className: 'sources-section' }, [createElement('h3', { text: 'Sources' }), body]);
}

function citationItem(id: string, citation: Citation | undefined): HTMLLIElement {
  if (!citation) return createElement('li', { text: `${id} (document not in this answer)`, attrs: { 'data-document': id } });
  const details = [citation.publisher, citation.date, citation.collection].filter((part) => part !== undefined);
  const children: Node[] = [createElement('cite', { text: citation.name })];
  if (details.length > 0) children.push(createElement('span', { className: 'citation-details', text: details.join(' · ') }));

  const link = safeLink(citation.url);
  if (link) {
    // The host is shown before the click: following a link leaves the offline workspace.
    children.push(
      createElement('a', {
        className: 'citation-link',
        text: `Open on ${link.hostname}`,
        attrs: { href: link.href, rel: 'noreferrer noopener', target: '_blank', referrerpolicy: 'no-referrer' },
      }),
    );
  } else if (citation.url) {
    children.push(createElement('span', { className: 'citation-details', text: citation.url }));
  }
  return createElement('li', { attrs: { 'data-document': id } }, children);
}

/**
 * The posts, assignments, detentions, reporting lines and sanctions of `nodeId`: the node's own
 * links in the node-details answer, each with the other end and the dates it was in force.
 */
export function tenuresSection(nodeId: string, details: Result): HTMLElement {
  const tenures = details.edges.filter((edge) => edge.source === nodeId);
  const items = tenures.map((edge) => {
    const other = details.nodes.find((candidate) => candidate.id === edge.target);
    const otherName = other ? nodeName(other) : edge.target;
    const known = RelationshipType.safeParse(edge.type);
    const caption = known.success ? relationshipCaption[known.data].forward : edge.type;
    const { title, confidence } = edge.properties;
    const what = typeof title === 'string' ? `${caption} ${otherName} (${title})` : `${caption} ${otherName}`;
    const parts = [
      createElement('span', { className: 'tenure-what', text: what }),
      createElement('span', { className: 'tenure-dates', text: formatValidity(edge.properties) ?? 'dates not recorded' }),
    ];
    if (typeof confidence === 'string') parts.push(createElement('span', { className: `badge badge-${confidence}`, text: confidence }));
    return createElement('li', { attrs: { 'data-edge': edge.id } }, parts);
  });
  const body =
    items.length === 0
      ? createElement('p', { className: 'no-tenures', text: 'No post, assignment, detention or reporting line recorded.' })
      : createElement('ol', { className: 'tenures' }, items);
  return createElement('section', { className: 'tenures-section' }, [createElement('h3', { text: 'Tenures' }), body]);
}

export interface InspectorPanel extends Panel {
  inspectNode(id: string): void;
  inspectEdge(id: string): void;
}

const inspectorHint = 'Click a node or a link to see its properties and sources.';

/** Shows whatever is tapped on the canvas, read from the workspace's merged answer. */
export function mountInspector({ workspace, trace }: PanelContext, container: HTMLElement): InspectorPanel {
  const { cy } = workspace;
  const lifetime = panelLifetime();
  let tenuresRequest: AbortController | null = null;
  lifetime.defer(() => tenuresRequest?.abort());
  // A drawn answer rarely holds all of a node's tenures (a chain has one post of an official): ask for them.
  const showTenures = async (id: string) => {
    tenuresRequest?.abort();
    const request = new AbortController();
    tenuresRequest = request;
    let section: HTMLElement;
    try {
      section = tenuresSection(id, await fetchNode(id, request.signal));
    } catch (error) {
      if (isAbort(error)) return;
      section = createElement('section', { className: 'tenures-section' }, [
        createElement('p', { className: 'no-tenures', text: `The tenures did not load: ${describeError(error)}` }),
      ]);
    }
    // Another node or a link may have been inspected meanwhile.
    if (container.dataset.kind !== 'node' || container.dataset.id !== id) return;
    const sources = container.querySelector('.sources-section');
    if (sources) sources.before(section);
    else container.append(section);
  };
  const panel: InspectorPanel = {
    inspectNode(id) {
      const result = workspace.result();
      const node = result.nodes.find((candidate) => candidate.id === id);
      if (!node) return;
      showNode(container, node, result.citations, trace);
      void showTenures(id);
    },
    inspectEdge(id) {
      const result = workspace.result();
      const edge = result.edges.find((candidate) => candidate.id === id);
      const drawn = cy.getElementById(id);
      if (!edge || drawn.empty()) return;
      const label = (nodeId: string) => String(cy.getElementById(nodeId).data('label') ?? nodeId);
      const view: EdgeView = {
        from: label(drawn.data('source')),
        caption: String(drawn.data('caption')),
        to: label(drawn.data('target')),
        storedSource: label(edge.source),
        storedTarget: label(edge.target),
        weakestOf: summarizeChains(chainsOnly(result))
          .filter((chain) => chain.weakestLink?.id === id)
          .map((chain) => chain.number),
      };
      showEdge(container, edge, view, result.citations);
    },
    dispose: lifetime.dispose,
  };
  lifetime.onCanvas(cy, 'tap', 'node', (event) => panel.inspectNode(event.target.id()));
  lifetime.onCanvas(cy, 'tap', 'edge', (event) => panel.inspectEdge(event.target.id()));
  lifetime.onCanvas(cy, 'tap', (event) => {
    if (event.target === cy) showHint(container, inspectorHint);
  });
  return panel;
}
