// name: undo-conflicts
// title: Links that would stop an undo
// description: Links that another import or the seed asserts on a node that this import alone
//   created: undoing the import would delete the node and so lose them. Undo refuses while any exist.
// param importId: stable id of the import (the query reads it as {id, term}: params.ts ImportLookup)
// param limit: most links to return
// returns: nodeId, linkId, type, imports
// mode: read
// The nodes listing the import, found as import-nodes finds them, then each such node's few links.
CALL db.index.fulltext.queryNodes('entityImports', $importId.term) YIELD node
WHERE node.imports = [$importId.id] AND NOT EXISTS { MATCH (:_Claim {importId: $importId.id, elementId: node.id}) }
MATCH (node)-[link]-()
WHERE NOT (link.imports = [$importId.id] AND NOT EXISTS { MATCH (:_Claim {importId: $importId.id, elementId: link.id}) })
RETURN node.id AS nodeId, link.id AS linkId, type(link) AS type, coalesce(link.imports, []) AS imports
LIMIT $limit
