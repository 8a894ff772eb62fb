// name: public-shortest-path
// title: Shortest path a redacted reader may see
// description: shortest-path for viewers and under REDACT=1: the shortest path over the links such a
//   reader receives. A path through a victim's home or family is not found and then emptied: it is
//   never searched, so a village and a camp are joined by a detainee living in the one and held in
//   the other only for those who may see where the detainee lives.
// param fromId: stable id of one end
// param toId: stable id of the other end
// param types: relationship types the path may use; empty allows every type
// param maxDepth: longest path considered, in links
// returns: one path
// mode: read
// Withheld, as contract/model.ts says (relationship types whose withVictim is `withheld`; isProtected):
// a RELATED_TO or RESIDES_IN link with an end that is a Detainee, or a Person neither Official nor
// Guard. contract/model.test.ts holds this text to the model.
// Ceiling 10 as in shortest-path; the test on each link sits inside the pattern, so the search skips
// withheld links as it goes.
MATCH (source:Entity {id: $fromId}), (target:Entity {id: $toId})
MATCH route = SHORTEST 1 (source)
  ((near)-[link WHERE size($types) = 0 OR type(link) IN $types]-(far)
    WHERE NOT (link:RELATED_TO|RESIDES_IN AND (near:Detainee|(Person&!Official&!Guard) OR far:Detainee|(Person&!Official&!Guard)))){1,10}
  (target)
WHERE length(route) <= $maxDepth
RETURN route, length(route) AS hops
