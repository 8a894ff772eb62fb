// name: remove-other-seeds
// title: Remove earlier seeds' synthetic records
// description: Deletes up to $limit synthetic nodes (with their links) that a seed wrote, before a
//   seed of another scale starts, so two scales never mix; the public record and anything a user
//   imported are untouched (user imports are listed in `imports`; seeds list none). Run until it
//   removes nothing. Never called while a seed is being resumed.
// param limit: most nodes to delete in this transaction
// returns: removed
// mode: write
// A label scan over Entity: seeding is rare and this runs before it, never on a query path.
MATCH (node:Entity)
WHERE node.synthetic = true AND all(source IN coalesce(node.imports, []) WHERE source STARTS WITH 'seed:')
WITH node LIMIT $limit
DETACH DELETE node
RETURN count(*) AS removed
