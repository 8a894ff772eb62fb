// name: attach-case-item
// title: Attach an item to a case
// description: Gathers a view, a note, a judgement or an export into a case. Attaching the same
//   thing twice keeps the first (its id, who, when). No row when there is no such case.
// param caseId: the case's id
// param id: the item's new random id (a UUID), used when it is new
// param kind: view, note, judgement or export
// param itemId: the id of the view, note or judgement (an export's: its view's)
// param format: an export's format; empty for any other kind (MERGE cannot match a null)
// param addedBy: who attaches it, by login name
// param addedAt: ISO date-time of the attaching
// returns: id, kind, itemId, format, addedBy, addedAt
// mode: write
// The route checks first that the item exists and the caller may read it; an item points at what it
// gathers by id, never by a relationship, as notes do.
MATCH (caseRecord:_Case {id: $caseId})
WHERE caseRecord.deletedAt IS NULL
SET caseRecord.updatedAt = datetime($addedAt)
MERGE (item:_CaseItem {caseId: caseRecord.id, kind: $kind, itemId: $itemId, format: $format})
  ON CREATE SET item.id = $id, item.addedBy = $addedBy, item.addedAt = datetime($addedAt)
RETURN item.id AS id, item.kind AS kind, item.itemId AS itemId, CASE item.format WHEN '' THEN null ELSE item.format END AS format,
       item.addedBy AS addedBy, toString(item.addedAt) AS addedAt
