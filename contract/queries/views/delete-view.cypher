// name: delete-view
// title: Delete a saved view
// description: Marks a view deleted (when, by whom): from then on every route answers 404 for
//   it and its share link, and lists leave it out. Its versions stay in the database as a record
//   of what was shown; nothing serves them.
// param id: the view's id
// param deletedAt: ISO date-time of the deletion
// param author: who deletes it
// returns: id (no row when there was no such view, or it was already deleted)
// mode: write
MATCH (view:_View {id: $id})
WHERE view.deletedAt IS NULL
SET view.deletedAt = datetime($deletedAt), view.deletedBy = $author
RETURN view.id AS id
