// name: facilities-under
// title: Facilities under a body
// description: Every facility operated by an organisation or by a body subordinate to it, on $asOf,
//   with the chain from the facility up to the organisation. The nearest first, then the strongest.
// param id: stable id of the organisation
// param asOf: ISO date or null; only operations and subordinations in force that day count
// param limit: most facilities to return
// returns: paths (facility up to the organisation), with strength, weakestLinkId, distance (0: the organisation operates it)
// mode: read
// The same climb as who-is-responsible, read from the top: ceiling 10 subordinations, the depth of
// the deepest command chain in the record (regional committee down to a township police station).
MATCH (top:Organization {id: $id})
MATCH chain = (facility:Facility)
  ((e)<-[operates:OPERATES]-(f)
    WHERE $asOf IS NULL OR ((operates.from IS NULL OR operates.from <= date($asOf)) AND (operates.to IS NULL OR operates.to >= date($asOf)))){1}
  ((g)-[up:SUBORDINATE_TO]->(h)
    WHERE $asOf IS NULL OR ((up.from IS NULL OR up.from <= date($asOf)) AND (up.to IS NULL OR up.to >= date($asOf)))){0,10}
  (top)
WITH chain, facility,
     [link IN relationships(chain) | {id: link.id, rank: CASE link.confidence WHEN 'confirmed' THEN 3 WHEN 'reported' THEN 2 ELSE 1 END}] AS ranked
WITH chain, facility,
     reduce(weakest = null, r IN ranked | CASE WHEN weakest IS NULL OR r.rank < weakest.rank THEN r ELSE weakest END) AS weakest
// One chain per facility: the shortest, then the strongest; the links' ids break ties so every run answers alike.
ORDER BY length(chain) ASC, weakest.rank DESC, reduce(ids = '', link IN relationships(chain) | ids + link.id + ' ')
WITH facility, collect({chain: chain, weakest: weakest})[0] AS best
ORDER BY length(best.chain) ASC, best.weakest.rank DESC, facility.name
LIMIT $limit
WITH best.chain AS chain, best.weakest AS weakest
CALL (chain) {
  UNWIND nodes(chain) + relationships(chain) AS element
  UNWIND coalesce(element.sources, []) AS documentId
  MATCH (cited:Document {id: documentId})
  RETURN collect(DISTINCT cited) AS citations
}
RETURN chain,
       CASE weakest.rank WHEN 3 THEN 'confirmed' WHEN 2 THEN 'reported' WHEN 1 THEN 'inferred' END AS strength,
       weakest.id AS weakestLinkId,
       length(chain) - 1 AS distance,
       citations
