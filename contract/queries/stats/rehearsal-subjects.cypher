// name: rehearsal-subjects
// title: A few records to rehearse the first screen's queries on
// description: One record of each kind an analyst starts from (a detainee, a guard, an official, a
//   facility, a body), each with links, so the warm-up before "Ready" runs the chain of command, the
//   details and the neighbourhood over real records, not only over an id that matches nothing.
// param limit: rows returned: the one row of ids
// returns: ids, at most one for each kind
// mode: read
// Cost: five label scans stopped at their first node with a link; the store's own order, so the same
// records at every start.
CALL () {
  MATCH (node:Detainee) WHERE EXISTS { (node)--() } RETURN node LIMIT 1
  UNION
  MATCH (node:Guard) WHERE EXISTS { (node)--() } RETURN node LIMIT 1
  UNION
  MATCH (node:Official) WHERE EXISTS { (node)--() } RETURN node LIMIT 1
  UNION
  MATCH (node:Facility) WHERE EXISTS { (node)--() } RETURN node LIMIT 1
  UNION
  MATCH (node:Organization) WHERE EXISTS { (node)--() } RETURN node LIMIT 1
}
RETURN collect(node.id) AS ids
LIMIT $limit
