// name: read-note
// title: One analyst's note
// description: A note or hypothesis link by id, whoever owns it (the route decides who may see it).
// param id: the note's id
// returns: one row: id, kind, targetKind, targetId, toId, caption, text, tags, author, owner, visibility, createdAt
// mode: read
MATCH (note:_Note {id: $id})
WHERE note.deletedAt IS NULL
RETURN note.id AS id, note.kind AS kind, note.targetKind AS targetKind, note.targetId AS targetId, note.toId AS toId,
       note.caption AS caption, note.text AS text, note.tags AS tags, note.author AS author, note.owner AS owner,
       note.visibility AS visibility, note.createdAt AS createdAt
