// name: remove-other-seeds
// title: Remove another scale's synthetic records
// description: Deletes up to $limit synthetic nodes (with their links) written by a seed other
//   than $importId, so a seed of another scale never mixes with this one; the public record and
//   anything a user imported are untouched. Run until it removes nothing.
// param importId: the seed being loaded
// param limit: most nodes to delete in this transaction
// returns: removed
// mode: write
// A label scan over Entity: seeding is rare and this runs before it, never on a query path.
MATCH (node:Entity)
WHERE node.synthetic = true AND any(source IN coalesce(node.imports, []) WHERE source STARTS WITH 'seed:' AND source <> $importId)
WITH node LIMIT $limit
DETACH DELETE node
RETURN count(*) AS removed
