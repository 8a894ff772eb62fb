// What a role may not see is removed on the server, never sent to be hidden in the browser. For a
// redacted reader (a viewer; everyone under REDACT=1) every part of a Result is sent by allow-list:
// nodes with the properties their kind declares less personal data, links that touch a victim only
// of the types the model shows, documents titled only when published, and the scalar columns and
// parameters each query names as safe (its `disclosed`, contract/queries/define-query.ts).
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import type { Role } from '../../contract/api/session.ts';
import { declaredLinkProperties, disclosedProperties, disclosedVictimLink, displayOf, isProtected, kindOf } from '../../contract/model.ts';
import type { Disclosed } from '../../contract/queries/define-query.ts';
import { queries } from '../../contract/queries/index.ts';
import type { Citation, Json, Result, ResultEdge, ResultMeta, ResultNode, ResultPath } from '../../contract/result.ts';

export interface WithholdOptions {
  role: Role;
  /** REDACT=1: a public demo, where nobody gets personal data, admins included. */
  redactAll: boolean;
  /** Keys the pseudonyms: stable for one server, unguessable without the secret. */
  secret: string;
}

export function redacts(options: Pick<WithholdOptions, 'role' | 'redactAll'>): boolean {
  return options.redactAll || options.role === 'viewer';
}

function digest(id: string, secret: string | KeyObject): string {
  const hex = createHmac('sha256', secret).update(id).digest('hex').toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}`;
}

/** "Detainee 7F3A-91C2": HMAC-SHA256 of the node id, so the same person has the same pseudonym on every screen. */
export function pseudonym(node: Pick<ResultNode, 'id' | 'labels'>, secret: string | KeyObject): string {
  return `${node.labels.includes('Detainee') ? 'Detainee' : 'Person'} ${digest(node.id, secret)}`;
}

/** What stands in a document's title when it is withheld: the same tag for the same document everywhere. */
export function documentStandIn(id: string, secret: string | KeyObject): string {
  return `Document ${digest(id, secret)} (title withheld)`;
}

/** Each query's word on what of its answer a redacted reader receives, by name; a name it does not know discloses nothing. */
const disclosedByQuery: ReadonlyMap<string, Disclosed> = new Map(
  Object.values(queries).flatMap((query) => (query.kind === 'evidence' || query.kind === 'graph' ? [[query.name, query.disclosed as Disclosed]] : [])),
);
const NOTHING: Disclosed = { parameters: [], columns: [] };

export function disclosedBy(queryName: string): Disclosed {
  return disclosedByQuery.get(queryName) ?? NOTHING;
}

/** Whether a name is one of the curated queries that answer with a Result. */
export function isResultQuery(queryName: string): boolean {
  return disclosedByQuery.has(queryName);
}

function pick<T extends Json>(values: Record<string, T>, allowed: ReadonlySet<string> | readonly string[]): Record<string, T> {
  const keep = allowed instanceof Set ? allowed : new Set(allowed as readonly string[]);
  return Object.fromEntries(Object.entries(values).filter(([key]) => keep.has(key)));
}

/** The parameters of `queryName` that may be echoed to a redacted reader (ids, dates, limits; never typed text). */
export function disclosedParameters(queryName: string, parameters: Record<string, Json>): Record<string, Json> {
  return pick(parameters, disclosedBy(queryName).parameters);
}

/** `meta` as a redacted reader receives it: a query name of the catalogue (or "result"), its safe parameters, and the counts. */
export function withholdMeta(meta: ResultMeta): ResultMeta {
  const known = isResultQuery(meta.query);
  return {
    query: known ? meta.query : 'result',
    parameters: known ? disclosedParameters(meta.query, meta.parameters) : {},
    durationMs: meta.durationMs,
    truncated: meta.truncated,
  };
}

function sourcesOf(properties: Record<string, Json>): string[] {
  return Array.isArray(properties.sources) ? properties.sources.filter((id): id is string => typeof id === 'string') : [];
}

/**
 * A document's title reaches a redacted reader only when the document is published (it has a url: a
 * report or article anyone can read) and nothing in the same answer that cites it is a victim or a
 * link to one. A leaked file is often named after the person it is about; a published source that
 * also backs an official's tenure is about the official.
 */
function publishedDocuments(
  result: Result,
  victimIds: ReadonlySet<string>,
  touchesVictim: (edge: ResultEdge) => boolean,
): (id: string, url: Json | undefined) => boolean {
  const citedForVictims = new Set<string>([
    ...result.nodes.filter((node) => victimIds.has(node.id)).flatMap((node) => sourcesOf(node.properties)),
    ...result.edges.filter(touchesVictim).flatMap((edge) => sourcesOf(edge.properties)),
  ]);
  return (id, url) => typeof url === 'string' && url !== '' && !citedForVictims.has(id);
}

function withholdCitation(citation: Citation, published: boolean, secret: KeyObject): Citation {
  if (published)
    return { id: citation.id, name: citation.name, ...pick(citation as unknown as Record<string, Json>, ['publisher', 'date', 'url', 'collection']) };
  return { id: citation.id, name: documentStandIn(citation.id, secret), ...pick(citation as unknown as Record<string, Json>, ['date', 'collection']) };
}

/**
 * The model's word on each distinct set of labels and each link type, asked once per answer: an
 * export holds 20,000 elements but a handful of kinds, and asking per element kept the event loop
 * busy for seconds. Made per answer, so labels a client invents do not pile up in the server.
 */
function modelWords() {
  const memo = <V>(compute: (key: string) => V) => {
    const known = new Map<string, V>();
    return (key: string): V => {
      if (!known.has(key)) known.set(key, compute(key));
      return known.get(key) as V;
    };
  };
  const labelsOf = (key: string) => key.split('\n');
  const protectedLabels = memo((key) => isProtected(labelsOf(key)));
  const disclosed = memo((key) => disclosedProperties(labelsOf(key.slice(2)), key.startsWith('1')));
  const title = memo((key) => displayOf(kindOf(labelsOf(key))).title);
  const victimLink = memo(disclosedVictimLink);
  return {
    isProtected: (labels: readonly string[]) => protectedLabels(labels.join('\n')),
    disclosedProperties: (labels: readonly string[], published: boolean) => disclosed(`${published ? 1 : 0}\n${labels.join('\n')}`),
    title: (labels: readonly string[]) => title(labels.join('\n')),
    disclosedVictimLink: victimLink,
  };
}
type ModelWords = ReturnType<typeof modelWords>;

function withholdNode(node: ResultNode, published: boolean, secret: KeyObject, model: ModelWords): ResultNode {
  const disclosed = model.disclosedProperties(node.labels, published);
  const kept = pick(node.properties, disclosed);
  if (disclosed.has('name') || node.properties.name === undefined) return { ...node, properties: kept };
  // A stand-in in the name's place: the same person or document has the same one on every screen.
  const name = model.isProtected(node.labels)
    ? pseudonym(node, secret)
    : kindOf(node.labels) === 'Document'
      ? documentStandIn(node.id, secret)
      : `${model.title(node.labels)} (withheld)`;
  return { ...node, properties: { ...kept, name, redacted: true } };
}

/** The result as this role may receive it. Pure: the input is not changed. */
export function withhold(result: Result, options: WithholdOptions): Result {
  if (!redacts(options)) return result;
  const model = modelWords();
  const secret = createSecretKey(Buffer.from(options.secret, 'utf8'));
  const byId = new Map(result.nodes.map((node) => [node.id, node]));
  // An end the answer does not hold (a submitted export may have one) is treated as a victim's.
  const victimIds = new Set(result.nodes.filter((node) => model.isProtected(node.labels)).map((node) => node.id));
  const isVictim = (id: string) => victimIds.has(id) || !byId.has(id);
  const touchesVictim = (edge: ResultEdge) => isVictim(edge.source) || isVictim(edge.target);

  const allowedOf = (edge: ResultEdge) => (touchesVictim(edge) ? model.disclosedVictimLink(edge.type) : declaredLinkProperties);
  const withheldEdges = new Set(result.edges.filter((edge) => !allowedOf(edge)).map((edge) => edge.id));
  const { columns } = disclosedBy(result.meta.query);
  const sentPaths = result.paths.filter((path) => path.edges.every((id) => !withheldEdges.has(id)));
  const paths = sentPaths.map((path) => ({ ...path, attributes: pick(path.attributes, columns) }));

  // Every element of a path that used a withheld link goes with it, unless a path still sent holds it:
  // a path from a village to a camp through a detainee's home must not leave the detainee and their
  // detention behind. (A query for redacted readers does not find such paths at all, evidence-answers.ts;
  // this holds for any answer, a submitted export's included.)
  const pathed = (ids: (path: ResultPath) => string[]) => {
    const inAny = new Set(result.paths.flatMap(ids));
    const inSent = new Set(sentPaths.flatMap(ids));
    return (id: string) => !inAny.has(id) || inSent.has(id);
  };
  const nodeInSentPath = pathed((path) => path.nodes);
  const edgeInSentPath = pathed((path) => path.edges);
  const edges: ResultEdge[] = [];
  for (const edge of result.edges) {
    const allowed = allowedOf(edge);
    if (allowed && edgeInSentPath(edge.id)) edges.push({ ...edge, properties: pick(edge.properties, allowed) });
  }

  // A node that only a withheld link brought into the answer goes with it: a victim's village, their relatives.
  const shownEnds = new Set([...edges.flatMap((edge) => [edge.source, edge.target]), ...paths.flatMap((path) => path.nodes)]);
  const withheldEnds = new Set(result.edges.filter((edge) => withheldEdges.has(edge.id)).flatMap((edge) => [edge.source, edge.target]));
  const published = publishedDocuments(result, victimIds, touchesVictim);
  const nodes = result.nodes
    .filter((node) => nodeInSentPath(node.id) && (!withheldEnds.has(node.id) || shownEnds.has(node.id)))
    .map((node) => withholdNode(node, published(node.id, node.properties.url), secret, model));

  // Only documents that what is still sent cites: a withheld relative's police record is withheld too.
  const cited = new Set([...nodes, ...edges].flatMap((element) => sourcesOf(element.properties)));
  const citations = Object.fromEntries(
    Object.entries(result.citations)
      .filter(([id]) => cited.has(id))
      .map(([id, citation]) => [id, withholdCitation(citation, published(id, citation.url), secret)]),
  );
  return { nodes, edges, paths, citations, summary: pick(result.summary, columns), meta: withholdMeta(result.meta) };
}
