// name: retract-import-elements
// title: Take back what an import added
// description: On elements that others also assert: sets the sources, aliases and keys left once
//   this import's additions are taken out, removes the values and labels it alone added, drops it
//   from `imports`, and deletes its claims (and the claim of the import that becomes creator).
// param nodes: retractions of nodes (see undo-params.ts)
// param relationships: retractions of relationships
// param importId: the import being undone
// returns: retracted
// mode: write
CALL () {
  UNWIND $nodes AS row
  MATCH (node:Entity) WHERE elementId(node) = row.elementId
  FOREACH (key IN row.unset | SET node[key] = null)
  SET node.imports = row.imports, node.sources = row.sources, node.aliases = row.aliases, node.nameKeys = row.nameKeys,
      node.matchKeys = row.matchKeys
  REMOVE node:$(row.removeLabels)
  WITH node, row
  OPTIONAL MATCH (claim:_Claim {elementId: node.id}) WHERE claim.importId IN [$importId, row.promote]
  DETACH DELETE claim
  RETURN count(DISTINCT node) AS retractedNodes
}
CALL () {
  UNWIND $relationships AS row
  MATCH ()-[link]->() WHERE elementId(link) = row.elementId
  FOREACH (key IN row.unset | SET link[key] = null)
  SET link.imports = row.imports, link.sources = row.sources
  WITH link, row
  OPTIONAL MATCH (claim:_Claim {elementId: link.id}) WHERE claim.importId IN [$importId, row.promote]
  DETACH DELETE claim
  RETURN count(DISTINCT link) AS retractedLinks
}
RETURN retractedNodes + retractedLinks AS retracted
