// name: create-note
// title: Write an analyst's note or hypothesis link
// description: A new `_Note`: a note on an evidence node, an evidence link or a saved view, or a
//   hypothesis link an analyst draws from one node to another. Written only when what it names exists;
//   the answer says which end was missing, so nothing is half-written.
// param id: the note's new random id (a UUID)
// param kind: note or hypothesis
// param targetKind: what the note is on: node, link or view (a hypothesis starts at a node)
// param targetId: the id of the node, link or view; a hypothesis's first node
// param toId: a hypothesis's second node; null for a note
// param caption: what a hypothesis link says, read from its first node to its second; null for a note
// param text: the analyst's words
// param tags: the analyst's tags
// param author: who writes it, by login name
// param owner: the writing account's id
// param visibility: private (the owner only) or shared (every signed-in user)
// param createdAt: ISO date-time of the writing
// returns: targetExists, toExists, written
// mode: write
// A note points at what it is about by id properties, never by a relationship: nothing an analyst
// writes may become a link of the evidence graph, or be walked by a chain. A link has no index on its
// id for every type, so finding one reads the links (once, at the writing).
WITH CASE $targetKind
       WHEN 'node' THEN EXISTS { MATCH (:Entity {id: $targetId}) }
       WHEN 'link' THEN EXISTS { MATCH (:Entity)-[link]->(:Entity) WHERE link.id = $targetId }
       ELSE EXISTS { MATCH (view:_View {id: $targetId}) WHERE view.deletedAt IS NULL }
     END AS targetExists,
     $toId IS NULL OR EXISTS { MATCH (:Entity {id: $toId}) } AS toExists
CALL (targetExists, toExists) {
  WITH 1 AS go WHERE targetExists AND toExists
  MERGE (note:_Note {id: $id})
    ON CREATE SET note.kind = $kind, note.targetKind = $targetKind, note.targetId = $targetId, note.toId = $toId,
                  note.caption = $caption, note.text = $text, note.tags = $tags, note.author = $author,
                  note.owner = $owner, note.visibility = $visibility, note.createdAt = datetime($createdAt)
  RETURN count(note) AS written
}
RETURN targetExists, toExists, written > 0 AS written
