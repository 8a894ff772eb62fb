// name: chain-ceilings
// title: Chains past the ceilings
// description: Whether a chain of command from a node goes on past the chain query's ceilings: a
//   reporting line of more than 8 steps, or more than 10 subordinations after the climb. The
//   chain answer then says it was cut (meta.truncated) and where, instead of "no chain".
// param id: stable id of the node the chain starts from
// param asOf: ISO date or null, as for chain-of-command
// returns: reporting, subordination (true when a chain goes past that ceiling)
// mode: read
// One step past each ceiling of chain-of-command.cypher (8 and 10), with the same steps and date
// filters; each probe stops at its first path.
MATCH (start:Entity {id: $id})
OPTIONAL CALL (start) {
  MATCH (start)
    ((a)-[reports:REPORTS_TO]->(b)
      WHERE $asOf IS NULL OR ((reports.from IS NULL OR reports.from <= date($asOf)) AND (reports.to IS NULL OR reports.to >= date($asOf)))){9}
    (beyond)
  RETURN true AS reporting
  LIMIT 1
}
OPTIONAL CALL (start) {
  MATCH (start)
    ((a)-[reports:REPORTS_TO]->(b)
      WHERE $asOf IS NULL OR ((reports.from IS NULL OR reports.from <= date($asOf)) AND (reports.to IS NULL OR reports.to >= date($asOf)))){0,8}
    ((c)-[placed:HELD_POST|DETAINED_AT|ASSIGNED_TO]->(d)
      WHERE $asOf IS NULL OR ((placed.from IS NULL OR placed.from <= date($asOf)) AND (placed.to IS NULL OR placed.to >= date($asOf)))){0,1}
    ((e)<-[operates:OPERATES]-(f)
      WHERE $asOf IS NULL OR ((operates.from IS NULL OR operates.from <= date($asOf)) AND (operates.to IS NULL OR operates.to >= date($asOf)))){0,1}
    ((g)-[up:SUBORDINATE_TO]->(h)
      WHERE $asOf IS NULL OR ((up.from IS NULL OR up.from <= date($asOf)) AND (up.to IS NULL OR up.to >= date($asOf)))){11}
    (beyond)
  RETURN true AS subordination
  LIMIT 1
}
RETURN coalesce(reporting, false) AS reporting, coalesce(subordination, false) AS subordination
