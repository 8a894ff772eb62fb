// name: list-cases
// title: Cases
// description: Cases not deleted that this account owns or is a member of, most recently changed
//   first, each with how many items it gathers.
// param viewerId: the signed-in account's id
// param limit: most cases to return
// returns: one row per case: its record and items
// mode: read
// Cost: reads every _Case (no index on members); cases number in the thousands at most, made by hand.
MATCH (caseRecord:_Case)
WHERE caseRecord.deletedAt IS NULL AND (caseRecord.owner = $viewerId OR $viewerId IN caseRecord.members)
OPTIONAL MATCH (item:_CaseItem {caseId: caseRecord.id})
WITH caseRecord, count(item) AS items
RETURN caseRecord.id AS id, caseRecord.name AS name, caseRecord.owner AS owner, caseRecord.ownerName AS ownerName,
       caseRecord.members AS members, caseRecord.memberNames AS memberNames,
       toString(caseRecord.createdAt) AS createdAt, toString(caseRecord.updatedAt) AS updatedAt, items
ORDER BY caseRecord.updatedAt DESC, caseRecord.id
LIMIT $limit
