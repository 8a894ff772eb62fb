// name: read-case
// title: One case
// description: A case (not deleted) and every item it gathers, oldest first, whoever owns it (the
//   route decides who may see it).
// param id: the case's id
// returns: caseRecord (its record), items
// mode: read
// A case holds at most a few hundred items (CASE_LIMITS.items): they are read whole.
MATCH (caseRecord:_Case {id: $id})
WHERE caseRecord.deletedAt IS NULL
OPTIONAL MATCH (item:_CaseItem {caseId: caseRecord.id})
WITH caseRecord, item
ORDER BY item.addedAt, item.id
WITH caseRecord,
     collect(item {.id, .kind, .itemId, format: CASE item.format WHEN '' THEN null ELSE item.format END, .addedBy,
                   addedAt: toString(item.addedAt)}) AS items
RETURN caseRecord {.id, .name, .owner, .ownerName, .members, .memberNames, createdAt: toString(caseRecord.createdAt),
                   updatedAt: toString(caseRecord.updatedAt)} AS caseRecord,
       items
