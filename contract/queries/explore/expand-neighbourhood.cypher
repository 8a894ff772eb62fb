// name: expand-neighbourhood
// title: Expand a neighbourhood
// description: The links of a node, of the chosen relationship types (all when none are given)
//   and direction, with the nodes at their other ends. Evidence nodes only.
// param id: stable id of the node to expand
// param types: relationship types to follow; empty follows every type
// param direction: out (links the node starts), in (links that reach it) or both
// param offset: links to skip, for the next page after a cut answer ("load more")
// param limit: most links to return
// returns: paths of one hop; citations (the documents the link and the node reached cite)
// mode: read
// Lazy: on a facility holding 20,000 detainees, LIMIT stops the expansion after $offset + $limit + 1
// links instead of reading them all. Both directions are written out so each expand is directed.
// Pages follow the store's own order (no ORDER BY, which would read every link first): the same
// graph gives the same pages, and a page that overlaps the previous after a write only repeats
// links the workspace already holds (merging is by id).
MATCH (node:Entity {id: $id})
CALL (node) {
  MATCH hop = (node)-[link]->(other:Entity)
  WHERE $direction IN ['out', 'both'] AND (size($types) = 0 OR type(link) IN $types)
  RETURN hop
  UNION ALL
  MATCH hop = (node)<-[link]-(other:Entity)
  WHERE $direction IN ['in', 'both'] AND (size($types) = 0 OR type(link) IN $types)
  RETURN hop
}
WITH hop
SKIP $offset
LIMIT $limit
// After the LIMIT: documents are looked up for the links returned, not for all the node has.
CALL (hop) {
  UNWIND relationships(hop) + [nodes(hop)[1]] AS element
  UNWIND coalesce(element.sources, []) AS documentId
  MATCH (cited:Document {id: documentId})
  RETURN collect(DISTINCT cited) AS citations
}
RETURN hop, citations
