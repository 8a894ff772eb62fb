// name: import-nodes
// title: The nodes an import asserts
// description: Every node listing the import, with what every import claimed on it, so undo can
//   tell what this import alone wrote (it created the node and nobody else asserts it) from what
//   it added to a node others assert.
// param importId: stable id of the import (the query reads it as {id, term}: params.ts ImportLookup)
// param limit: most nodes to return
// returns: elementId, id, imports, labels, properties (names and sources), claims
// mode: read
// Found by the import's id in `imports` (schema.cypher's entityImports), looked up as one exact term
// and checked again on the list itself: a scan of every evidence node took 10 to 27 s at 10m.
CALL db.index.fulltext.queryNodes('entityImports', $importId.term) YIELD node
WHERE $importId.id IN node.imports
OPTIONAL MATCH (claim:_Claim {elementId: node.id})
WITH node, collect(claim {.importId, .preexisting, .citedSources, .addedSources, .filled, .agreed, .addedLabels, .addedAliases}) AS claims
RETURN elementId(node) AS elementId, node.id AS id, node.imports AS imports, labels(node) AS labels,
       node {.name, .nameZh, .pinyin, .aliases, .sources, .nameKeys, .matchKeys} AS properties, claims
LIMIT $limit
