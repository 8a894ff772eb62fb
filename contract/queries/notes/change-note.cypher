// name: change-note
// title: Share, unshare or delete a note
// description: Sets a note's visibility, or marks it deleted (kept, like a deleted view, for the audit
//   trail). Answers the note's id, or nothing when there is no such note.
// param id: the note's id
// param visibility: private or shared; null to leave it
// param deletedAt: ISO date-time of a deletion; null to leave it
// param deletedBy: who deletes it; null when not deleting
// returns: id
// mode: write
MATCH (note:_Note {id: $id})
WHERE note.deletedAt IS NULL
SET note.visibility = coalesce($visibility, note.visibility),
    note.deletedAt = CASE WHEN $deletedAt IS NULL THEN null ELSE datetime($deletedAt) END,
    note.deletedBy = $deletedBy
RETURN note.id AS id
