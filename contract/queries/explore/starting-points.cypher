// name: starting-points
// title: Starting points
// description: A few nodes to start exploring from, for the start page's example questions: a
//   detainee whose facility has an operator, a facility with an operator (public record first),
//   and an official heading a body (public record first).
// param limit: how many of each
// returns: nodes (detainees, facilities, officials); one row, an empty list where the graph has none
// mode: read
// Each pick is ordered by id, so the examples are the same on every visit; a synthetic record is
// offered only where the public record has none. Detainees are walked in the order of their id
// index (`id IS NOT NULL` lets the planner read it in order), each asked whether it leads to an
// operated facility, until enough do. Matched first and sorted after, the 1.5 million detainees of
// the 10m scale took 1.4-1.6 s for the start page; this takes 41 ms.
CALL () {
  MATCH (detainee:Detainee)
  WHERE detainee.id IS NOT NULL AND EXISTS { (detainee)-[:DETAINED_AT]->(:Facility)<-[:OPERATES]-(:Organization) }
  WITH detainee ORDER BY detainee.id LIMIT $limit
  RETURN collect(detainee) AS detainees
}
CALL () {
  MATCH (facility:Facility)<-[:OPERATES]-(:Organization)
  WITH DISTINCT facility ORDER BY coalesce(facility.synthetic, false), facility.id LIMIT $limit
  RETURN collect(facility) AS facilities
}
CALL () {
  MATCH (official:Official)-[:HELD_POST {head: true}]->(:Organization)
  WITH DISTINCT official ORDER BY coalesce(official.synthetic, false), official.id LIMIT $limit
  RETURN collect(official) AS officials
}
RETURN detainees, facilities, officials
