// name: chain-of-command
// title: Chain of command
// description: Every chain of command from a node (detainee, guard, facility, official or
//   organisation) up to a top organisation of the central leadership and the official heading it.
//   With $asOf, only links in force on that date count; without it, every link ever recorded.
//   Strongest chains first: a chain is as strong as its weakest link.
// param id: stable id of the node to start from
// param asOf: ISO date or null; a link counts when its `from` is unknown or on or before it, and its `to` is absent or on or after it
// param limit: most chains to return
// returns: paths (chain + leadership), with strength, weakestLinkId and hops; citations
// mode: read
// The climb has a fixed shape, each step directed, so a facility holding 20,000 detainees is
// never expanded through its DETAINED_AT links: reporting lines between people, then one post,
// detention or assignment, then the facility's operator (OPERATES climbed backwards), then
// subordinations. Variable bounds cannot be parameters, so each ceiling is written here:
// - 8 reporting steps: an imported organogram runs from an auxiliary officer through team, unit,
//   section and division heads and their deputies to a director (8 and more in real bureaus). A
//   person reports to one or two others, so each step multiplies the paths by little: 8 stays cheap.
// - 10 subordinations: township -> county -> prefecture -> region -> centre is 4 to 6 steps, with
//   party, government and security lines beside each other; 10 leaves room for odd hierarchies
//   while an organisation's few superiors keep the walk small.
// A chain deeper than either is not dropped in silence: chain-ceilings.cypher probes one step past
// each, and the answer says so (meta.truncated, meta.warnings). A top is a central-level
// organisation with no superior in force.
MATCH (start:Entity {id: $id})
MATCH chain = (start)
  ((a)-[reports:REPORTS_TO]->(b)
    WHERE $asOf IS NULL OR ((reports.from IS NULL OR reports.from <= date($asOf)) AND (reports.to IS NULL OR reports.to >= date($asOf)))){0,8}
  ((c)-[placed:HELD_POST|DETAINED_AT|ASSIGNED_TO]->(d)
    WHERE $asOf IS NULL OR ((placed.from IS NULL OR placed.from <= date($asOf)) AND (placed.to IS NULL OR placed.to >= date($asOf)))){0,1}
  ((e)<-[operates:OPERATES]-(f)
    WHERE $asOf IS NULL OR ((operates.from IS NULL OR operates.from <= date($asOf)) AND (operates.to IS NULL OR operates.to >= date($asOf)))){0,1}
  ((g)-[up:SUBORDINATE_TO]->(h)
    WHERE $asOf IS NULL OR ((up.from IS NULL OR up.from <= date($asOf)) AND (up.to IS NULL OR up.to >= date($asOf)))){0,10}
  (top:Organization {level: 'central'})
WHERE NOT EXISTS {
  (top)-[above:SUBORDINATE_TO]->(:Organization)
  WHERE $asOf IS NULL OR ((above.from IS NULL OR above.from <= date($asOf)) AND (above.to IS NULL OR above.to >= date($asOf)))
}
OPTIONAL MATCH leadership = (top)<-[post:HELD_POST]-(leader:Official)
  WHERE post.head AND ($asOf IS NULL OR ((post.from IS NULL OR post.from <= date($asOf))
                                          AND (post.to IS NULL OR post.to >= date($asOf))))
WITH chain, leadership,
     [link IN relationships(chain) + coalesce(relationships(leadership), []) |
       {id: link.id, rank: CASE link.confidence WHEN 'confirmed' THEN 3 WHEN 'reported' THEN 2 ELSE 1 END}] AS ranked
WITH chain, leadership,
     reduce(weakest = null, r IN ranked | CASE WHEN weakest IS NULL OR r.rank < weakest.rank THEN r ELSE weakest END) AS weakest
// Ties (same weakest link, same length) break on the links' ids: the same chains, in the same order,
// on every run, so a reload, a saved view or an export never reshuffles them.
ORDER BY coalesce(weakest.rank, 3) DESC, length(chain) ASC,
         reduce(ids = '', link IN relationships(chain) + coalesce(relationships(leadership), []) | ids + link.id + ' ')
LIMIT $limit
CALL (chain, leadership) {
  UNWIND nodes(chain) + relationships(chain) + coalesce(nodes(leadership), []) + coalesce(relationships(leadership), []) AS element
  UNWIND coalesce(element.sources, []) AS documentId
  MATCH (cited:Document {id: documentId})
  RETURN collect(DISTINCT cited) AS citations
}
RETURN chain, leadership,
       CASE weakest.rank WHEN 3 THEN 'confirmed' WHEN 2 THEN 'reported' WHEN 1 THEN 'inferred' END AS strength,
       weakest.id AS weakestLinkId,
       length(chain) + coalesce(length(leadership), 0) AS hops,
       citations
