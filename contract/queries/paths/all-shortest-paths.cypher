// name: all-shortest-paths
// title: All shortest paths between two nodes
// description: Every shortest path between two evidence nodes (they all have the same length),
//   over links of the chosen types in either direction, at most $maxDepth links long.
// param fromId: stable id of one end
// param toId: stable id of the other end
// param types: relationship types the paths may use; empty allows every type
// param maxDepth: longest path considered, in links
// param limit: most paths to return
// returns: paths
// mode: read
// Ceiling 10 as in shortest-path. Through a large facility there can be thousands of equally short
// paths (one per detainee): LIMIT keeps the answer readable and says it was cut.
MATCH (source:Entity {id: $fromId}), (target:Entity {id: $toId})
MATCH route = ALL SHORTEST (source)(()-[link WHERE size($types) = 0 OR type(link) IN $types]-()){1,10}(target)
WHERE length(route) <= $maxDepth
RETURN route, length(route) AS hops
LIMIT $limit
