// name: change-case
// title: Rename or delete a case
// description: Renames a case, refused when its owner has another case (not deleted) of that name;
//   or marks it deleted (kept, like a deleted view, for the audit trail). No row when there is no such case.
// param id: the case's id
// param name: the new name; null to leave it
// param deletedAt: ISO date-time of a deletion; null to leave it
// param deletedBy: who deletes it; null when not deleting
// param changedAt: ISO date-time of the change
// returns: duplicate, written
// mode: write
MATCH (caseRecord:_Case {id: $id})
WHERE caseRecord.deletedAt IS NULL
OPTIONAL MATCH (same:_Case {owner: caseRecord.owner, name: $name})
WHERE same.deletedAt IS NULL AND same.id <> caseRecord.id
WITH caseRecord, count(same) > 0 AS duplicate
CALL (caseRecord, duplicate) {
  WITH 1 AS go WHERE NOT duplicate
  SET caseRecord.name = coalesce($name, caseRecord.name), caseRecord.updatedAt = datetime($changedAt),
      caseRecord.deletedAt = CASE WHEN $deletedAt IS NULL THEN null ELSE datetime($deletedAt) END,
      caseRecord.deletedBy = $deletedBy
  RETURN count(*) AS written
}
RETURN duplicate, written > 0 AS written
