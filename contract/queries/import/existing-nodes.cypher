// name: existing-nodes
// title: Existing nodes by id
// description: The labels of the evidence nodes among the given ids, so the importer can check a
//   file's links, sources and kinds against what the graph already holds. Ids not found are left out.
// param ids: stable ids to look up; the importer sends them in chunks
// param limit: most nodes to return: the number of ids, since an id names at most one node
// returns: id, labels
// mode: read
// One seek per id on the Entity id constraint's index: a chunk of 10,000 ids costs 10,000 seeks.
UNWIND $ids AS id
MATCH (node:Entity {id: id})
RETURN node.id AS id, labels(node) AS labels
LIMIT $limit
