// name: who-is-responsible
// title: Who is responsible for a facility
// description: Every official holding a post, on $asOf, in an organisation above a facility: its
//   operator and each body the operator is subordinate to, up to the centre; with the chain that
//   connects each official to the facility. Heads first, then the nearest, then the strongest.
// param id: stable id of the facility
// param asOf: ISO date or null; only operations, subordinations and posts in force that day count
// param limit: most officials to return
// returns: paths (facility up to the official), with strength, weakestLinkId, head, title, distance (0: the operator itself)
// mode: read
// Ceiling 10 subordinations, as in chain-of-command. Officials are found from each organisation on
// the way through its incoming HELD_POST links: a few hundred at most per body.
MATCH (facility:Facility {id: $id})
MATCH chain = (facility)
  ((e)<-[operates:OPERATES]-(f)
    WHERE $asOf IS NULL OR ((operates.from IS NULL OR operates.from <= date($asOf)) AND (operates.to IS NULL OR operates.to >= date($asOf)))){1}
  ((g)-[up:SUBORDINATE_TO]->(h)
    WHERE $asOf IS NULL OR ((up.from IS NULL OR up.from <= date($asOf)) AND (up.to IS NULL OR up.to >= date($asOf)))){0,10}
  (body:Organization)<-[post:HELD_POST]-(official:Person)
WHERE $asOf IS NULL OR ((post.from IS NULL OR post.from <= date($asOf)) AND (post.to IS NULL OR post.to >= date($asOf)))
WITH chain, post, official,
     [link IN relationships(chain) | {id: link.id, rank: CASE link.confidence WHEN 'confirmed' THEN 3 WHEN 'reported' THEN 2 ELSE 1 END}] AS ranked
WITH chain, post, official,
     reduce(weakest = null, r IN ranked | CASE WHEN weakest IS NULL OR r.rank < weakest.rank THEN r ELSE weakest END) AS weakest
// The links' ids last: one official reached by two chains of the same length comes in the same order every run.
ORDER BY coalesce(post.head, false) DESC, length(chain) ASC, weakest.rank DESC, official.name,
         reduce(ids = '', link IN relationships(chain) | ids + link.id + ' ')
LIMIT $limit
CALL (chain) {
  UNWIND nodes(chain) + relationships(chain) AS element
  UNWIND coalesce(element.sources, []) AS documentId
  MATCH (cited:Document {id: documentId})
  RETURN collect(DISTINCT cited) AS citations
}
RETURN chain,
       CASE weakest.rank WHEN 3 THEN 'confirmed' WHEN 2 THEN 'reported' WHEN 1 THEN 'inferred' END AS strength,
       weakest.id AS weakestLinkId,
       coalesce(post.head, false) AS head,
       post.title AS title,
       length(chain) - 2 AS distance,
       citations
