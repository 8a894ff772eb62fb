// name: list-notes
// title: Analysts' notes
// description: Notes and hypothesis links this user may read (their own, and shared ones): those on
//   any of $targetIds (a hypothesis counts for both its nodes), or every one when $targetIds is null;
//   with $text, only those whose words, caption or tags hold it, among the notes of $wordsOf. Newest first.
// param viewerId: the signed-in user's id
// param targetIds: ids of nodes, links or views, or null for all
// param text: lower-cased text to look for, or null
// param wordsOf: owners whose notes $text may match, or null for every note's: a reader from whom
//   other analysts' words are withheld searches only their own, so no note is kept or dropped by
//   words that reader may not read
// param limit: most notes to return
// returns: one row per note: id, kind, targetKind, targetId, toId, caption, text, tags, author, owner, visibility, createdAt
// mode: read
// Notes number in the thousands at most, written by hand: the target indexes serve $targetIds, a
// search reads them all.
MATCH (note:_Note)
WHERE note.deletedAt IS NULL
  AND (note.owner = $viewerId OR note.visibility = 'shared')
  AND ($targetIds IS NULL OR note.targetId IN $targetIds OR note.toId IN $targetIds)
  AND ($text IS NULL
       OR (($wordsOf IS NULL OR note.owner IN $wordsOf)
           AND (toLower(note.text) CONTAINS $text OR toLower(coalesce(note.caption, '')) CONTAINS $text
                OR any(tag IN note.tags WHERE toLower(tag) CONTAINS $text))))
RETURN note.id AS id, note.kind AS kind, note.targetKind AS targetKind, note.targetId AS targetId, note.toId AS toId,
       note.caption AS caption, note.text AS text, note.tags AS tags, note.author AS author, note.owner AS owner,
       note.visibility AS visibility, note.createdAt AS createdAt
ORDER BY note.createdAt DESC, note.id
LIMIT $limit
