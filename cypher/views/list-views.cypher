// name: list-views
// title: Saved views
// description: Views not deleted, most recently saved first, a page at a time.
// param offset: views to skip (earlier pages)
// param limit: most views to return
// returns: one row per view: id, shareId, title, author, createdAt, updatedAt, currentVersion
// mode: read
// Cost: reads and sorts every _View (there is no index on updatedAt); views number in the
// thousands at most, written by hand.
MATCH (view:_View)
WHERE view.deletedAt IS NULL
RETURN view.id AS id, view.shareId AS shareId, view.title AS title, view.author AS author,
       view.createdAt AS createdAt, view.updatedAt AS updatedAt, view.currentVersion AS currentVersion
ORDER BY view.updatedAt DESC, view.id
SKIP $offset
LIMIT $limit
