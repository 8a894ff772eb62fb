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
// shortestPath searches from both ends at once; a supernode on the way costs its degree once.
MATCH (source:Entity {id: $fromId}), (target:Entity {id: $toId})
MATCH route = shortestPath((source)-[links*1..10]-(target))
WHERE length(route) <= $maxDepth
  AND all(link IN links WHERE size($types) = 0 OR type(link) IN $types)
  AND all(step IN nodes(route) WHERE step:Entity)
RETURN route, length(route) AS hops
