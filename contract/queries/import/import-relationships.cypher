// name: import-relationships
// title: The relationships an import asserts
// description: Every relationship listing the import, with what every import claimed on it (see
//   import-nodes).
// param importId: stable id of the import
// param limit: most relationships to return
// returns: elementId, id, imports, labels (empty), properties (sources), claims
// mode: read
// A scan of every relationship: no index holds list elements, and undo is rare.
MATCH ()-[link]->()
WHERE $importId IN link.imports
OPTIONAL MATCH (claim:_Claim {elementId: link.id})
WITH link, collect(claim {.importId, .preexisting, .citedSources, .addedSources, .filled, .agreed, .addedLabels, .addedAliases}) AS claims
RETURN elementId(link) AS elementId, link.id AS id, link.imports AS imports, [] AS labels, link {.sources} AS properties, claims
LIMIT $limit
