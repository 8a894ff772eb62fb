// The record's people: each an Official with the posts they held, and the sanctions listed against them.
import { parsePartialDate } from '../dates.ts';
import { isHeadPost } from './kinds.ts';
import type { Reference } from './reference.ts';
import { compact, type NodeInput, provenance, type RawRows, type RelationshipInput, validity } from './rows.ts';

type Person = Reference['people'][number];

/** Each person's node, then their sanctions, then their posts, person after person. */
export function peopleRows(reference: Reference): RawRows {
  const rows: RawRows = { nodes: [], relationships: [] };
  for (const person of reference.people) {
    rows.nodes.push(officialNode(person));
    sanctionRows(person, rows);
    rows.relationships.push(...postLinks(person));
  }
  return rows;
}

/** A person with a stated post is an official; every person in the reference holds at least one. */
function officialNode(person: Person): NodeInput {
  return {
    id: person.id,
    labels: ['Person', 'Official'],
    properties: compact({
      name: person.name_en,
      nameZh: person.name_zh,
      pinyin: person.pinyin,
      aliases: person.aliases,
      notes: person.notes,
      // A person's existence rests on the sources of their posts.
      ...provenance([...new Set(person.posts.flatMap((post) => post.source_ids))], 'stated'),
    }),
  };
}

function sanctionRows(person: Person, rows: RawRows): void {
  person.sanctions.forEach((sanction, index) => {
    const sanctionId = `sanction:${person.id}:${index}`;
    rows.nodes.push({
      id: sanctionId,
      labels: ['Sanction'],
      properties: compact({
        name: [sanction.authority, sanction.program].filter(Boolean).join(': '),
        authority: sanction.authority,
        program: sanction.program,
        // The node's date is an ISO day; a partial date is kept only in the link's validity.
        date: parsePartialDate(sanction.date)?.precision === 'day' ? sanction.date : undefined,
        measures: sanction.measures,
        ...provenance(sanction.source_ids, sanction.confidence),
      }),
    });
    rows.relationships.push({
      id: `sanctioned:${person.id}:${index}`,
      type: 'SANCTIONED_UNDER',
      source: person.id,
      target: sanctionId,
      properties: compact({ ...validity(sanction.date, null), ...provenance(sanction.source_ids, sanction.confidence) }),
    });
  });
}

function postLinks(person: Person): RelationshipInput[] {
  return person.posts.map((post, index) => ({
    id: `post:${person.id}:${index}`,
    type: 'HELD_POST',
    source: person.id,
    target: post.org,
    properties: compact({
      title: post.title,
      head: isHeadPost(post.title),
      notes: post.note,
      ...validity(post.from, post.to),
      ...provenance(post.source_ids, post.confidence),
    }),
  }));
}
