// name: public-expand-neighbourhood
// title: Expand a neighbourhood a redacted reader may see
// description: expand-neighbourhood for viewers and under REDACT=1: the links such a reader
//   receives, and only those, fill the page. A victim's home and family links are skipped as the
//   links are read, so they neither take a place on the page nor make it look cut (meta.truncated),
//   and paging on ("load more") counts only what the reader sees.
// param id: stable id of the node to expand
// param types: relationship types to follow; empty follows every type
// param direction: out (links the node starts), in (links that reach it) or both
// param offset: links to skip, for the next page after a cut answer ("load more")
// param limit: most links to return
// returns: paths of one hop; citations (the documents the link and the node reached cite)
// mode: read
// Withheld, as contract/model.ts says (relationship types whose withVictim is `withheld`; isProtected):
// a RELATED_TO or RESIDES_IN link with an end that is a Detainee, or a Person neither Official nor
// Guard. contract/model.test.ts holds this text to the model.
// Lazy as expand-neighbourhood: the test on each link reads the labels at its other end, nothing more.
MATCH (node:Entity {id: $id})
CALL (node) {
  MATCH hop = (node)-[link]->(other:Entity)
  WHERE $direction IN ['out', 'both'] AND (size($types) = 0 OR type(link) IN $types)
    AND NOT (link:RELATED_TO|RESIDES_IN AND (node:Detainee|(Person&!Official&!Guard) OR other:Detainee|(Person&!Official&!Guard)))
  RETURN hop
  UNION ALL
  MATCH hop = (node)<-[link]-(other:Entity)
  WHERE $direction IN ['in', 'both'] AND (size($types) = 0 OR type(link) IN $types)
    AND NOT (link:RELATED_TO|RESIDES_IN AND (node:Detainee|(Person&!Official&!Guard) OR other:Detainee|(Person&!Official&!Guard)))
  RETURN hop
}
WITH hop
SKIP $offset
LIMIT $limit
CALL (hop) {
  UNWIND relationships(hop) + [nodes(hop)[1]] AS element
  UNWIND coalesce(element.sources, []) AS documentId
  MATCH (cited:Document {id: documentId})
  RETURN collect(DISTINCT cited) AS citations
}
RETURN hop, citations
