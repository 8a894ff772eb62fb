// name: set-view-visibility
// title: Share or unshare a saved view
// description: Makes a view private (its owner only) or shared (every signed-in user, by list or link).
// param id: the view's id
// param visibility: private or shared
// returns: id (no row when there is no such view)
// mode: write
MATCH (view:_View {id: $id})
WHERE view.deletedAt IS NULL
SET view.visibility = $visibility
RETURN view.id AS id
