// name: delete-import-elements
// title: Delete what an import alone wrote
// description: Deletes relationships, then nodes, that only this import asserts (import-nodes and
//   import-relationships tell which). DELETE, not DETACH DELETE: a node that still has a link fails
//   the transaction instead of losing the link (undo-conflicts is checked first).
// param relationships: element ids of relationships to delete
// param nodes: element ids of nodes to delete
// param importId: the import being undone: only elements that list it and nothing else are deleted
// returns: deleted
// mode: write
CALL () {
  UNWIND $relationships AS elementId
  MATCH ()-[link]->() WHERE elementId(link) = elementId AND link.imports = [$importId]
  DELETE link
  RETURN count(*) AS links
}
CALL () {
  UNWIND $nodes AS elementId
  MATCH (node:Entity) WHERE elementId(node) = elementId AND node.imports = [$importId]
  DELETE node
  RETURN count(*) AS nodes
}
RETURN links + nodes AS deleted
