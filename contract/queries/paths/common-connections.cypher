// name: common-connections
// title: Common connections
// description: Nodes linked directly to every one of the given nodes (a shared superior, a shared
//   facility, a shared document's subject), with the links to each; most connected first.
// param ids: stable ids of the nodes to compare (two to ten)
// param limit: most common connections to return
// returns: paths of one hop from each given node to each common connection
// mode: read
// Cost: reads every neighbour of the given nodes; a facility with 20,000 detainees among them
// costs 20,000 reads. Bounded by the ten-node maximum and LIMIT on the answer.
MATCH (given:Entity) WHERE given.id IN $ids
WITH collect(given) AS givens
WHERE size(givens) = size($ids)
UNWIND givens AS given
MATCH (given)-[link]-(shared:Entity)
WHERE NOT shared IN givens
WITH givens, shared, collect(DISTINCT given) AS reached
WHERE size(reached) = size(givens)
WITH givens, shared
ORDER BY COUNT { (shared)--() } DESC, shared.id
LIMIT $limit
MATCH hop = (given)-[]-(shared) WHERE given IN givens
RETURN collect(hop) AS hops
