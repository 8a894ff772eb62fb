// Resolved identities at read time: in an answer, the records analysts judged one person become one
// node with all their names and the union of their sources; links and paths follow. Nothing in the
// graph changes, so retracting the judgements (a split) gives back the records exactly. A redacted
// reader is not shown merges of protected people: the merge would tell them which records are one
// victim, which they could not learn before.
import { isProtected } from '../../contract/model.ts';
import type { Json, Result, ResultNode } from '../../contract/result.ts';
import type { Identity, IdentityIndex } from '../queries/identity-store.ts';

/** The identities a reader is shown merged: all of them, or for a redacted reader those with no protected member. */
export function visibleIdentities(index: IdentityIndex, redacted: boolean): (id: string) => Identity | undefined {
  return (id) => {
    const identity = index.byMember.get(id);
    if (!identity || !redacted) return identity;
    return identity.members.some((member) => isProtected(index.nodes.get(member)?.labels ?? ['Detainee'])) ? undefined : identity;
  };
}

const strings = (value: Json | undefined): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** One node for the identity: the first member's properties, every member's names as aliases, the union of their sources. */
export function mergedNode(identity: Identity, index: IdentityIndex): ResultNode {
  const members = identity.members.flatMap((id) => index.nodes.get(id) ?? []);
  const first = members.find((node) => node.id === identity.id) ?? members[0]!;
  const main = new Set([first.properties.name, first.properties.nameZh, first.properties.pinyin].filter((name) => typeof name === 'string'));
  const names = members.flatMap((node) => [node.properties.name, node.properties.nameZh, node.properties.pinyin, ...strings(node.properties.aliases)]);
  const aliases = [...new Set(names.filter((name): name is string => typeof name === 'string' && !main.has(name)))];
  const union = (key: string) => [...new Set(members.flatMap((node) => strings(node.properties[key])))];
  return {
    id: identity.id,
    labels: [...new Set(members.flatMap((node) => node.labels))],
    properties: {
      ...first.properties,
      aliases,
      nameKeys: union('nameKeys'),
      sources: union('sources'),
      // Every member synthetic makes the merged record synthetic; one real record makes it real.
      ...(members.every((node) => node.properties.synthetic === true) ? {} : { synthetic: false }),
      resolvedFrom: identity.members,
    },
  };
}

/** The answer with each shown identity's records as one node; an answer that holds none is returned as it is. */
export function resolveIdentities(result: Result, index: IdentityIndex, redacted: boolean): Result {
  if (index.byMember.size === 0) return result;
  const shown = visibleIdentities(index, redacted);
  const touched = new Map<string, Identity>();
  const ids = [...result.nodes.map((node) => node.id), ...result.edges.flatMap((edge) => [edge.source, edge.target])];
  for (const id of ids) {
    const identity = shown(id);
    if (identity) touched.set(id, identity);
  }
  if (touched.size === 0) return result;
  const canonical = (id: string) => touched.get(id)?.id ?? id;

  const nodes = new Map<string, ResultNode>();
  for (const node of result.nodes) {
    const identity = touched.get(node.id);
    if (!identity) nodes.set(node.id, node);
    else if (!nodes.has(identity.id)) nodes.set(identity.id, mergedNode(identity, index));
  }
  const edges = result.edges
    .map((edge) => ({ ...edge, source: canonical(edge.source), target: canonical(edge.target) }))
    // A link between two records of one person (rare: a relatives' list naming them twice) is not drawn as a loop.
    .filter((edge) => edge.source !== edge.target);
  const kept = new Set(edges.map((edge) => edge.id));
  const paths = result.paths.filter((path) => path.edges.every((id) => kept.has(id))).map((path) => ({ ...path, nodes: path.nodes.map(canonical) }));
  const cited = new Set([...touched.values()].flatMap((identity) => identity.members.flatMap((id) => strings(index.nodes.get(id)?.properties.sources))));
  const citations = { ...result.citations };
  for (const id of cited) if (index.citations[id]) citations[id] = index.citations[id]!;
  return { ...result, nodes: [...nodes.values()], edges, paths, citations };
}
