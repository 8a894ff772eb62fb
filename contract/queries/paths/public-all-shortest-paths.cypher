// name: public-all-shortest-paths
// title: All shortest paths a redacted reader may see
// description: all-shortest-paths for viewers and under REDACT=1: every shortest path over the links
//   such a reader receives. Paths through a victim's home or family are never searched, so they
//   neither appear, nor count towards the limit, nor hide a longer path the reader may see.
// param fromId: stable id of one end
// param toId: stable id of the other end
// param types: relationship types the paths may use; empty allows every type
// param maxDepth: longest path considered, in links
// param limit: most paths to return
// returns: paths
// mode: read
// Withheld, as contract/model.ts says (relationship types whose withVictim is `withheld`; isProtected):
// a RELATED_TO or RESIDES_IN link with an end that is a Detainee, or a Person neither Official nor
// Guard. contract/model.test.ts holds this text to the model.
// Ceiling 10 and LIMIT as in all-shortest-paths.
MATCH (source:Entity {id: $fromId}), (target:Entity {id: $toId})
MATCH route = ALL SHORTEST (source)
  ((near)-[link WHERE size($types) = 0 OR type(link) IN $types]-(far)
    WHERE NOT (link:RELATED_TO|RESIDES_IN AND (near:Detainee|(Person&!Official&!Guard) OR far:Detainee|(Person&!Official&!Guard)))){1,10}
  (target)
WHERE length(route) <= $maxDepth
RETURN route, length(route) AS hops
LIMIT $limit
