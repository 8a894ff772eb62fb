// name: directive-propagation
// title: Directive propagation
// description: How a directive travelled: who issued it, the organisations it was addressed to,
//   the bodies below them down to the facilities that applied it, the facilities that applied it
//   directly, and upward the directives it invokes (and those they invoke).
// param id: stable id of the directive
// param limit: most paths to return
// returns: paths, each with a `leg` attribute (issued, addressed, through, applied, invokes)
// mode: read
// `through` legs go down from an addressed body to a facility that applied the directive; the walk
// down subordinations is bounded (6) and each facility is kept only if it applied this directive.
// Invocations are followed up to 5 deep.
MATCH (directive:Directive {id: $id})
CALL (directive) {
  MATCH route = (issuer:Entity)-[:ISSUED]->(directive)
  RETURN route, 'issued' AS leg
  UNION ALL
  MATCH route = (directive)-[:ADDRESSED_TO]->(:Entity)
  RETURN route, 'addressed' AS leg
  UNION ALL
  MATCH route = (directive)-[:ADDRESSED_TO]->(:Organization)<-[:SUBORDINATE_TO*0..6]-(:Organization)-[:OPERATES]->(facility:Facility)
  WHERE EXISTS { (directive)-[:APPLIES_TO]->(facility) }
  RETURN route, 'through' AS leg
  UNION ALL
  MATCH route = (directive)-[:APPLIES_TO]->(:Entity)
  RETURN route, 'applied' AS leg
  UNION ALL
  MATCH route = (directive)-[:INVOKES*1..5]->(:Directive)
  RETURN route, 'invokes' AS leg
}
RETURN route, leg
LIMIT $limit
