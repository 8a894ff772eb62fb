// name: view-elements
// title: A saved view's elements as they are now
// description: The nodes of a saved view, by our stable ids, and the relationships among them, so
//   a save can fingerprint them and a reopen can say what changed since.
// param nodeIds: stable ids of the view's nodes
// param edgeIds: stable ids of the view's relationships
// param limit: most nodes to return: the view's ceiling on nodes
// returns: node; targets (the view's nodes it links to); links (its relationships among them);
//   citations (the documents the node's and its links' `sources` cite, for a reopened view's inspector)
// mode: read
// Cost: nodes are index seeks on :Entity(id). Relationships have an id index on two types only,
// and `MATCH ()-[r]->() WHERE r.id IN $edgeIds` would read every relationship in the graph, so
// they are found from their source end: each view node's outgoing relationships are read and
// kept by id. Outgoing is the low-degree side here (a detainee points at its facility, a
// subordinate at its superior), so this reads little more than the view's own links.
MATCH (node:Entity)
WHERE node.id IN $nodeIds
WITH node
LIMIT $limit
CALL (node) {
  MATCH (node)-[link]->(target:Entity)
  WHERE link.id IN $edgeIds AND target.id IN $nodeIds
  RETURN collect(target) AS targets, collect(link) AS links
}
CALL (node, links) {
  UNWIND [node] + links AS element
  UNWIND coalesce(element.sources, []) AS documentId
  MATCH (cited:Document {id: documentId})
  RETURN collect(DISTINCT cited) AS citations
}
RETURN node, targets, links, citations
