// name: undo-conflicts
// title: Links that would stop an undo
// description: Links that another import or the seed asserts on a node that this import alone
//   created: undoing the import would delete the node and so lose them. Undo refuses while any exist.
// param importId: stable id of the import
// param limit: most links to return
// returns: nodeId, linkId, type, imports
// mode: read
// A scan of every evidence node (see import-nodes), then each such node's few links.
MATCH (node:Entity)
WHERE node.imports = [$importId] AND NOT EXISTS { MATCH (:_Claim {importId: $importId, elementId: node.id}) }
MATCH (node)-[link]-()
WHERE NOT (link.imports = [$importId] AND NOT EXISTS { MATCH (:_Claim {importId: $importId, elementId: link.id}) })
RETURN node.id AS nodeId, link.id AS linkId, type(link) AS type, coalesce(link.imports, []) AS imports
LIMIT $limit
