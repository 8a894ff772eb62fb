// name: import-relationships
// title: The relationships an import asserts
// description: Every relationship listing the import, with what every import claimed on it (see
//   import-nodes).
// param importId: stable id of the import (the query reads it as {id, term}: params.ts ImportLookup)
// param limit: most relationships to return
// returns: elementId, id, imports, labels (empty), properties (sources), claims
// mode: read
// Found by the import's id in `imports` (schema.cypher's linkImports), as import-nodes finds nodes.
CALL db.index.fulltext.queryRelationships('linkImports', $importId.term) YIELD relationship AS link
WHERE $importId.id IN link.imports
OPTIONAL MATCH (claim:_Claim {elementId: link.id})
WITH link, collect(claim {.importId, .preexisting, .citedSources, .addedSources, .filled, .agreed, .addedLabels, .addedAliases}) AS claims
RETURN elementId(link) AS elementId, link.id AS id, link.imports AS imports, [] AS labels, link {.sources} AS properties, claims
LIMIT $limit
