// name: detach-case-item
// title: Detach an item from a case
// description: Removes one item from a case; the view, note or judgement it named is untouched.
//   No row when the case has no such item.
// param caseId: the case's id
// param id: the item's id
// param changedAt: ISO date-time of the change
// returns: id
// mode: write
// The item is deleted outright: it holds only a pointer, and the audit log keeps who detached what.
MATCH (caseRecord:_Case {id: $caseId})
WHERE caseRecord.deletedAt IS NULL
MATCH (item:_CaseItem {caseId: caseRecord.id, id: $id})
SET caseRecord.updatedAt = datetime($changedAt)
WITH item, item.id AS detached
DELETE item
RETURN detached AS id
