// The graph's vocabulary: the kinds of node (contract/model/node-kinds.ts) and the relationship types
// (contract/model/relationship-types.ts), each stated once, and what derives from them. Seed,
// importer, server and client import this file; the catalogue refuses a query that names anything else.
import { z } from 'zod';
import { nodeKinds, unknownKind, type NodeKindSpec, type Protection } from './model/node-kinds.ts';
import { RelationshipProps, relationshipTypes, type RelationshipTypeSpec } from './model/relationship-types.ts';

export * from './model/provenance.ts';
export { DirectiveType, FacilityProps, FacilityType, nodeKinds, OrganizationType, PersonProps } from './model/node-kinds.ts';
export { RelationshipProps, relationshipTypes } from './model/relationship-types.ts';
export { propertyTitle } from './model/property-titles.ts';

/**
 * Every evidence node also carries `Entity`, so a lookup by `id` alone is one index seek whatever
 * the node's kind; saved views and users get underscore labels and never carry it.
 */
export const ENTITY_LABEL = 'Entity';

/** Labels of the app's own records. The underscore keeps them out of every evidence query. */
export const InternalLabel = z.enum([
  '_Import',
  '_Claim',
  '_Mapping',
  '_NodeIdKey',
  '_View',
  '_ViewVersion',
  '_User',
  '_Session',
  '_Audit',
  '_Note',
  '_Case',
  '_CaseItem',
  '_Judgement',
]);

type Labels = keyof typeof nodeKinds;
type Types = keyof typeof relationshipTypes;

/** The labels of the evidence graph, most specific first. Role labels (Official, Guard, Detainee) sit on a `Person`. */
export const NodeLabel = z.enum(Object.keys(nodeKinds) as [Labels, ...Labels[]]);
export type NodeLabel = z.infer<typeof NodeLabel>;

const kindSpec = (label: NodeLabel): NodeKindSpec => nodeKinds[label];

/** A person may hold several roles at once (an official who was later detained): the labels without properties of their own. */
export const PersonRole = NodeLabel.extract(NodeLabel.options.filter((label) => kindSpec(label).properties === null) as ['Official', 'Guard', 'Detainee']);
export type PersonRole = z.infer<typeof PersonRole>;

/** The kind a node is written as: its primary label. Role labels ride on `Person`. */
export const NodeKind = NodeLabel.exclude(PersonRole.options);
export type NodeKind = z.infer<typeof NodeKind>;

// Set look-ups for primaryKind, which every row of a seed passes through: a failed zod parse builds an error.

/** The kind a node is shown as: its most specific label, or Unknown. */
export type DisplayKind = NodeLabel | 'Unknown';

export const RelationshipType = z.enum(Object.keys(relationshipTypes) as [Types, ...Types[]]);
export type RelationshipType = z.infer<typeof RelationshipType>;

/**
 * Membership of an enum by a set lookup: safeParse builds an error for every label that is not a
 * member, and withholding asks this of every label of every node in an answer (20,000 in an export).
 */
function memberOf<T extends string>(options: readonly T[]): (value: string) => value is T {
  const members = new Set<string>(options);
  return (value): value is T => members.has(value);
}
const isNodeLabel = memberOf(NodeLabel.options);
const isNodeKind = memberOf(NodeKind.options);
const isPersonRole = memberOf(PersonRole.options);
const isRelationshipType = memberOf(RelationshipType.options);

/** Each written kind's property schema. */
export const nodeSchemas = Object.fromEntries(NodeKind.options.map((kind) => [kind, kindSpec(kind).properties!])) as {
  [Kind in NodeKind]: (typeof nodeKinds)[Kind]['properties'];
};

/** The words and drawing of a shown kind. */
export function displayOf(kind: DisplayKind): Pick<NodeKindSpec, 'title' | 'plural' | 'draw'> {
  return kind === 'Unknown' ? unknownKind : kindSpec(kind);
}

/** The kinds whose names the full-text index holds. */
export const searchableKinds: readonly NodeKind[] = NodeKind.options.filter((kind) => kindSpec(kind).searchable);

/** One value per relationship type, read off its record. */
function byType<T>(pick: (spec: RelationshipTypeSpec) => T): Record<RelationshipType, T> {
  return Object.fromEntries(RelationshipType.options.map((type) => [type, pick(relationshipTypes[type])])) as Record<RelationshipType, T>;
}

/** Captions for drawing an edge in its stored direction and in reverse. */
export const relationshipCaption = byType((spec) => ({ forward: spec.caption, reverse: spec.reverse }));

/** Which kinds each relationship type may join: the importer refuses anything else. */
export const relationshipEnds = byType((spec): { from: readonly NodeLabel[]; to: readonly NodeLabel[] } => spec.ends);

export function kindOf(labels: readonly string[]): DisplayKind {
  return NodeLabel.options.find((label) => labels.includes(label)) ?? 'Unknown';
}

/** The kind a set of labels is written as, or null when they name none, several, or a role without Person. */
export function primaryKind(labels: readonly string[]): NodeKind | null {
  const kinds = labels.filter(isNodeKind);
  if (kinds.length !== 1) return null;
  const hasRole = labels.some(isPersonRole);
  if (hasRole && kinds[0] !== 'Person') return null;
  return kinds[0]!;
}

/**
 * Victims: detainees, and people who are neither officials nor guards (their relatives, linked by
 * RELATED_TO). A person who is both an official and a detainee is protected as a detainee.
 */
export function isProtected(labels: readonly string[]): boolean {
  const protections = labels.flatMap((label): Protection[] => {
    const spec = isNodeLabel(label) ? kindSpec(label) : null;
    return spec?.protection ? [spec.protection] : [];
  });
  if (protections.includes('always')) return true;
  if (protections.includes('never')) return false;
  return protections.includes('default');
}

/**
 * The properties of a node that a redacted role may receive, by allow-list: those its kind declares,
 * less its personal data (a protected person's names and address, a photo's file) and, unless the
 * record is `published` (see NodeKindSpec.shownIfPublished), a document's title. A property an import
 * adds later is withheld until the model names it; a node of no known kind keeps only its id.
 */
export function disclosedProperties(labels: readonly string[], published = false): ReadonlySet<string> {
  const written = primaryKind(labels.filter((label) => label !== ENTITY_LABEL));
  if (!written) return new Set(['id']);
  const spec: NodeKindSpec = kindSpec(written);
  const withheld = new Set<string>([
    ...(written === 'Person' && !isProtected(labels) ? [] : spec.personal),
    ...(published ? [] : (spec.shownIfPublished ?? [])),
  ]);
  return new Set(Object.keys(spec.properties!.shape).filter((key) => !withheld.has(key)));
}

/**
 * How a redacted role receives a link that touches a protected person: not at all (`null`: where a
 * victim lives, who their family is), or with these properties only. A type the model does not know
 * is withheld.
 */
export function disclosedVictimLink(type: string): ReadonlySet<string> | null {
  if (!isRelationshipType(type)) return null;
  const spec: RelationshipTypeSpec = relationshipTypes[type];
  if (spec.withVictim === 'withheld') return null;
  const personal = new Set<string>(spec.personal);
  return new Set(Object.keys(RelationshipProps.shape).filter((key) => !personal.has(key)));
}

/** The properties a redacted role receives of a link between people who are not protected: those the model declares. */
export const declaredLinkProperties: ReadonlySet<string> = new Set(Object.keys(RelationshipProps.shape));
