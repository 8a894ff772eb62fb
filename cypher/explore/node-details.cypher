// name: node-details
// title: Node details
// description: One node of the evidence graph with its labels, properties and the documents
//   its `sources` cite.
// param id: stable id of the node
// returns: the node; citations
// mode: read
MATCH (node:Entity {id: $id})
CALL (node) {
  UNWIND coalesce(node.sources, []) AS documentId
  MATCH (cited:Document {id: documentId})
  RETURN collect(cited) AS citations
}
RETURN node, citations
