// name: list-views
// title: Saved views
// description: Views not deleted that this user may open (their own, and shared ones), most
//   recently saved first, a page at a time. Views from before accounts (no owner) count as shared.
// param viewerId: the signed-in user's id
// param mine: true for this user's own views only
// param offset: views to skip (earlier pages)
// param limit: most views to return
// returns: one row per view: id, shareId, title, author, owner, visibility, createdAt, updatedAt, currentVersion
// mode: read
// Cost: reads and sorts every _View (there is no index on updatedAt); views number in the
// thousands at most, written by hand.
MATCH (view:_View)
WHERE view.deletedAt IS NULL
  AND (view.owner IS NULL OR view.owner = $viewerId OR view.visibility = 'shared')
  AND (NOT $mine OR view.owner = $viewerId)
RETURN view.id AS id, view.shareId AS shareId, view.title AS title, view.author AS author, view.owner AS owner,
       coalesce(view.visibility, 'shared') AS visibility,
       view.createdAt AS createdAt, view.updatedAt AS updatedAt, view.currentVersion AS currentVersion
ORDER BY view.updatedAt DESC, view.id
SKIP $offset
LIMIT $limit
