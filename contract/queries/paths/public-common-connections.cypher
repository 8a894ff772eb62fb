// name: public-common-connections
// title: Common connections a redacted reader may see
// description: common-connections for viewers and under REDACT=1: the same question asked only of
//   the links such a reader receives. A link withheld when it touches a protected person (a victim's
//   home, their family) neither makes a node common nor counts in the order, so a village and a camp
//   share no detainee here, rather than sharing one whose home link is withheld after the fact.
// param ids: stable ids of the nodes to compare (two to ten)
// param limit: most common connections to return
// returns: paths of one hop from each given node to each common connection
// mode: read
// Withheld, as contract/model.ts says (relationship types whose withVictim is `withheld`; isProtected):
// a RELATED_TO or RESIDES_IN link with an end that is a Detainee, or a Person neither Official nor
// Guard. contract/model.test.ts holds this text to the model.
// Cost: as common-connections, plus the withheld types' links of each common connection, read to
// order by the links a reader sees (a village's residents: thousands at most).
MATCH (given:Entity) WHERE given.id IN $ids
WITH collect(given) AS givens
WHERE size(givens) = size($ids)
UNWIND givens AS given
MATCH (given)-[link]-(shared:Entity)
WHERE NOT shared IN givens
  AND NOT (link:RELATED_TO|RESIDES_IN AND (given:Detainee|(Person&!Official&!Guard) OR shared:Detainee|(Person&!Official&!Guard)))
WITH givens, shared, collect(DISTINCT given) AS reached
WHERE size(reached) = size(givens)
WITH givens, shared
ORDER BY COUNT { (shared)--() }
         - COUNT { (shared)-[link:RELATED_TO|RESIDES_IN]-(other) WHERE shared:Detainee|(Person&!Official&!Guard) OR other:Detainee|(Person&!Official&!Guard) } DESC,
         shared.id
LIMIT $limit
MATCH hop = (given)-[link]-(shared)
WHERE given IN givens
  AND NOT (link:RELATED_TO|RESIDES_IN AND (given:Detainee|(Person&!Official&!Guard) OR shared:Detainee|(Person&!Official&!Guard)))
RETURN collect(hop) AS hops
