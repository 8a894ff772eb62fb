// name: shortest-path
// title: Shortest path between two nodes
// description: One shortest path between two evidence nodes, over links of the chosen types (all
//   when none are given) in either direction, at most $maxDepth links long.
// param fromId: stable id of one end
// param toId: stable id of the other end
// param types: relationship types the path may use; empty allows every type
// param maxDepth: longest path considered, in links
// returns: one path
// mode: read
// Ceiling 10 (zod's max): bounds cannot be parameters, so the pattern says 10 and the WHERE cuts.
// SHORTEST with the type test inside the pattern: the search itself skips other links (a WHERE on
// the whole path would make Neo4j check paths one by one after the fact, minutes on a large graph).
MATCH (source:Entity {id: $fromId}), (target:Entity {id: $toId})
MATCH route = SHORTEST 1 (source)(()-[link WHERE size($types) = 0 OR type(link) IN $types]-()){1,10}(target)
WHERE length(route) <= $maxDepth
RETURN route, length(route) AS hops
