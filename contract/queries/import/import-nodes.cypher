// name: import-nodes
// title: The nodes an import asserts
// description: Every node listing the import, with what every import claimed on it, so undo can
//   tell what this import alone wrote (it created the node and nobody else asserts it) from what
//   it added to a node others assert.
// param importId: stable id of the import
// param limit: most nodes to return
// returns: elementId, id, imports, labels, properties (names and sources), claims
// mode: read
// A scan of every evidence node: no index holds list elements, and undo is rare.
MATCH (node:Entity)
WHERE $importId IN node.imports
OPTIONAL MATCH (claim:_Claim {elementId: node.id})
WITH node, collect(claim {.importId, .preexisting, .citedSources, .addedSources, .filled, .agreed, .addedLabels, .addedAliases}) AS claims
RETURN elementId(node) AS elementId, node.id AS id, node.imports AS imports, labels(node) AS labels,
       node {.name, .nameZh, .pinyin, .aliases, .sources, .nameKeys, .matchKeys} AS properties, claims
LIMIT $limit
