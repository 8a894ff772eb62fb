// name: mark-import
// title: Mark an import undone
// description: Moves an import's record to `undoing` (before its elements are taken back) or
//   `undone` (after), with who and when. An undone import may be imported again.
// param importId: stable id of the import
// param status: undoing or undone
// param by: the account undoing it
// param at: ISO date-time
// returns: status
// mode: write
MATCH (record:_Import {id: $importId})
SET record.status = $status, record.undoneBy = $by, record.undoneAt = datetime($at)
RETURN record.status AS status
