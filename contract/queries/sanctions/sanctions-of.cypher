// name: sanctions-of
// title: Who is sanctioned, and who is not
// description: For each official and organisation among $ids (the members of a chain of command,
//   say), the designations the record holds against them: who imposed each, when, under which
//   programme and with which measures, with its sources. Answers `sanctioned` and `notSanctioned`
//   (ids), so a legal or sanctions team sees the gaps as plainly as the listings. "Not sanctioned"
//   means no designation in this graph: the public record and any list an analyst imported.
// param ids: stable ids of the officials and organisations to look up
// param limit: most members to answer for
// returns: members, designations (SANCTIONED_UNDER links) and Sanction nodes; sanctioned, notSanctioned; citations
// mode: read
MATCH (member:Entity)
WHERE member.id IN $ids AND (member:Person OR member:Organization)
WITH member
ORDER BY member.id
LIMIT $limit
OPTIONAL MATCH (member)-[designation:SANCTIONED_UNDER]->(sanction:Sanction)
WITH member, collect(designation) AS designations, collect(sanction) AS sanctions
WITH collect({member: member, designations: designations, sanctions: sanctions}) AS rows
WITH rows,
     reduce(gathered = [], row IN rows | gathered + row.designations) AS designations,
     reduce(gathered = [], row IN rows | gathered + row.sanctions) AS sanctions
CALL (designations, sanctions) {
  UNWIND designations + sanctions AS element
  UNWIND coalesce(element.sources, []) AS documentId
  MATCH (cited:Document {id: documentId})
  RETURN collect(DISTINCT cited) AS citations
}
// Nodes before the links between them: a Result names a link's ends by the nodes it has already read.
RETURN [row IN rows | row.member] AS members, sanctions, designations,
       [row IN rows WHERE size(row.designations) > 0 | row.member.id] AS sanctioned,
       [row IN rows WHERE size(row.designations) = 0 | row.member.id] AS notSanctioned,
       citations
