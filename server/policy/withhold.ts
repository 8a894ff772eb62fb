// What a role may not see is removed on the server, never sent to be hidden in the browser: victims'
// names, ID numbers, birth dates, addresses and photos, for viewers and for everyone under REDACT=1.
import { createHmac } from 'node:crypto';
import type { Role } from '../../contract/api/session.ts';
import { disclosedLinkProperties, disclosedProperties, displayOf, isProtected, kindOf } from '../../contract/model.ts';
import type { Json, Result, ResultNode } from '../../contract/result.ts';

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

/** "Detainee 7F3A-91C2": HMAC-SHA256 of the node id, so the same person has the same pseudonym on every screen. */
export function pseudonym(node: Pick<ResultNode, 'id' | 'labels'>, secret: string): string {
  const digest = createHmac('sha256', secret).update(node.id).digest('hex').toUpperCase();
  const kind = node.labels.includes('Detainee') ? 'Detainee' : 'Person';
  return `${kind} ${digest.slice(0, 4)}-${digest.slice(4, 8)}`;
}

function withholdNode(node: ResultNode, secret: string): ResultNode {
  const disclosed = disclosedProperties(node.labels);
  if (!disclosed) return node;
  const kept = Object.fromEntries(Object.entries(node.properties).filter(([key]) => disclosed.has(key)));
  // A stand-in in the name's place: the same person has the same pseudonym on every screen.
  const name = isProtected(node.labels) ? pseudonym(node, secret) : `${displayOf(kindOf(node.labels)).title} (withheld)`;
  return { ...node, properties: { ...kept, name, redacted: true } };
}

/** The result as this role may receive it. Pure: the input is not changed. */
export function withhold(result: Result, options: WithholdOptions): Result {
  if (!redacts(options)) return result;
  const protectedIds = new Set(result.nodes.filter((node) => isProtected(node.labels)).map((node) => node.id));
  const edges = result.edges.map((edge) => {
    if (!protectedIds.has(edge.source) && !protectedIds.has(edge.target)) return edge;
    const disclosed = disclosedLinkProperties(edge.type);
    const kept = Object.fromEntries(Object.entries(edge.properties).filter(([key]) => disclosed.has(key)));
    return { ...edge, properties: kept };
  });
  return {
    ...result,
    nodes: result.nodes.map((node) => withholdNode(node, options.secret)),
    edges,
    summary: withholdSummary(result.summary),
  };
}

/**
 * Summary columns are scalars by construction (counts, breakdowns); any text column that could hold
 * a name is withheld wholesale rather than guessed at.
 */
function withholdSummary(summary: Record<string, Json>): Record<string, Json> {
  return Object.fromEntries(Object.entries(summary).filter(([key]) => !/name|alias|pinyin|address|idNumber|birth/i.test(key)));
}

/**
 * Search must not be an oracle: a viewer typing a detainee's real name must not learn that the
 * name is in the files. For redacted roles, protected people are dropped from search hits.
 */
export function withholdSearch(result: Result, options: WithholdOptions): Result {
  if (!redacts(options)) return result;
  const nodes = result.nodes.filter((node) => !isProtected(node.labels));
  const kept = new Set(nodes.map((node) => node.id));
  return withhold(
    {
      ...result,
      nodes,
      edges: result.edges.filter((edge) => kept.has(edge.source) && kept.has(edge.target)),
      paths: result.paths.filter((path) => path.nodes.every((id) => kept.has(id))),
    },
    options,
  );
}
