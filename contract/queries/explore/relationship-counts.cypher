// name: relationship-counts
// title: Relationship counts of a node
// description: How many links of each relationship type a node has, in each direction: what the
//   node menu offers to expand, with its counts, so an analyst never expands a type the node lacks.
// param id: stable id of the node
// returns: summary (relationshipCounts: one entry per type and direction with at least one link)
// mode: read
// Each count is a degree read from the node's relationship groups (no end label, so no expansion):
// a facility with 20,000 detentions costs the same as a guard with one.
MATCH (node:Entity {id: $id})
WITH node, [
  {type: 'HELD_POST', out: COUNT { (node)-[:HELD_POST]->() }, in: COUNT { (node)<-[:HELD_POST]-() }},
  {type: 'SUBORDINATE_TO', out: COUNT { (node)-[:SUBORDINATE_TO]->() }, in: COUNT { (node)<-[:SUBORDINATE_TO]-() }},
  {type: 'REPORTS_TO', out: COUNT { (node)-[:REPORTS_TO]->() }, in: COUNT { (node)<-[:REPORTS_TO]-() }},
  {type: 'OPERATES', out: COUNT { (node)-[:OPERATES]->() }, in: COUNT { (node)<-[:OPERATES]-() }},
  {type: 'ASSIGNED_TO', out: COUNT { (node)-[:ASSIGNED_TO]->() }, in: COUNT { (node)<-[:ASSIGNED_TO]-() }},
  {type: 'DETAINED_AT', out: COUNT { (node)-[:DETAINED_AT]->() }, in: COUNT { (node)<-[:DETAINED_AT]-() }},
  {type: 'ISSUED', out: COUNT { (node)-[:ISSUED]->() }, in: COUNT { (node)<-[:ISSUED]-() }},
  {type: 'ADDRESSED_TO', out: COUNT { (node)-[:ADDRESSED_TO]->() }, in: COUNT { (node)<-[:ADDRESSED_TO]-() }},
  {type: 'INVOKES', out: COUNT { (node)-[:INVOKES]->() }, in: COUNT { (node)<-[:INVOKES]-() }},
  {type: 'APPLIES_TO', out: COUNT { (node)-[:APPLIES_TO]->() }, in: COUNT { (node)<-[:APPLIES_TO]-() }},
  {type: 'LOCATED_IN', out: COUNT { (node)-[:LOCATED_IN]->() }, in: COUNT { (node)<-[:LOCATED_IN]-() }},
  {type: 'DEPICTS', out: COUNT { (node)-[:DEPICTS]->() }, in: COUNT { (node)<-[:DEPICTS]-() }},
  {type: 'SANCTIONED_UNDER', out: COUNT { (node)-[:SANCTIONED_UNDER]->() }, in: COUNT { (node)<-[:SANCTIONED_UNDER]-() }},
  {type: 'RELATED_TO', out: COUNT { (node)-[:RELATED_TO]->() }, in: COUNT { (node)<-[:RELATED_TO]-() }},
  {type: 'RESIDES_IN', out: COUNT { (node)-[:RESIDES_IN]->() }, in: COUNT { (node)<-[:RESIDES_IN]-() }}
] AS counts
RETURN [count IN counts WHERE count.out + count.in > 0] AS relationshipCounts
