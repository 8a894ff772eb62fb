// name: identity-members
// title: The records of resolved identities
// description: The evidence nodes judged one person, with the documents they cite, so an answer
//   that holds one of them can show the person with all their names and the union of their sources.
// param ids: the member records' ids
// returns: nodes and their citations
// mode: read
MATCH (node:Entity)
WHERE node.id IN $ids
CALL (node) {
  UNWIND coalesce(node.sources, []) AS documentId
  MATCH (cited:Document {id: documentId})
  RETURN collect(DISTINCT cited) AS citations
}
RETURN node, citations
