// name: public-relationship-counts
// title: Relationship counts a redacted reader may see
// description: relationship-counts for viewers and under REDACT=1: the links of each type and
//   direction such a reader receives. A victim's home and family links are not counted, on the
//   victim (how many relatives, how many homes) nor at their other end (how many victims live in a
//   village).
// param id: stable id of the node
// returns: summary (relationshipCounts: one entry per type and direction with at least one link)
// mode: read
// Withheld, as contract/model.ts says (relationship types whose withVictim is `withheld`; isProtected):
// a RELATED_TO or RESIDES_IN link with an end that is a Detainee, or a Person neither Official nor
// Guard. contract/model.test.ts holds this text to the model.
// Each count is a degree read, as in relationship-counts, less the withheld links, which are read
// one by one (a village's residents: thousands at most).
MATCH (node:Entity {id: $id})
WITH node,
     [(node)-[link:RELATED_TO|RESIDES_IN]->(other) WHERE node:Detainee|(Person&!Official&!Guard) OR other:Detainee|(Person&!Official&!Guard)
       | type(link) + ' out']
     + [(node)<-[link:RELATED_TO|RESIDES_IN]-(other) WHERE node:Detainee|(Person&!Official&!Guard) OR other:Detainee|(Person&!Official&!Guard)
       | type(link) + ' in'] AS withheld
WITH node, withheld, [
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
WITH [count IN counts | {
  type: count.type,
  out: count.out - size([link IN withheld WHERE link = count.type + ' out']),
  in: count.in - size([link IN withheld WHERE link = count.type + ' in'])
}] AS counts
RETURN [count IN counts WHERE count.out + count.in > 0] AS relationshipCounts
