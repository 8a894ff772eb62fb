// name: find-shared-view
// title: The view a share link opens
// description: The id of the view (not deleted) whose share token this is.
// param shareId: the share token from the link
// param limit: 1: a token is 16 random bytes, so it opens one view
// returns: id
// mode: read
// Cost: without an index on _View(shareId) this reads every _View; thousands at most.
MATCH (view:_View {shareId: $shareId})
WHERE view.deletedAt IS NULL
RETURN view.id AS id
LIMIT $limit
