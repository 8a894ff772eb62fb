// name: node-details
// title: Node details
// description: One node of the evidence graph with its labels and properties, its roles and
//   tenures (posts held, assignments, detentions, reporting lines, sanctions) with the bodies or
//   places at their other ends, and the documents its `sources` cite.
// param id: stable id of the node
// returns: the node; paths of one hop (tenures); citations
// mode: read
// Tenures are the node's own outgoing links of a few types: a person has few of them, so this
// never walks a facility's thousands of detentions (those point at the facility, not from it).
MATCH (node:Entity {id: $id})
CALL (node) {
  OPTIONAL MATCH tenure = (node)-[:HELD_POST|ASSIGNED_TO|DETAINED_AT|REPORTS_TO|SANCTIONED_UNDER]->(:Entity)
  WITH tenure LIMIT 200
  RETURN collect(tenure) AS tenures
}
CALL (node, tenures) {
  UNWIND [node] + [tenure IN tenures | relationships(tenure)[0]] AS element
  UNWIND coalesce(element.sources, []) AS documentId
  MATCH (cited:Document {id: documentId})
  RETURN collect(DISTINCT cited) AS citations
}
RETURN node, tenures, citations
