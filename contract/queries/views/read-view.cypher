// name: read-view
// title: One saved view
// description: A view (not deleted) and one of its versions with its document: the current one,
//   or any older one, which stays readable.
// param id: the view's id
// param version: the version to read; null for the current one
// returns: view (its record); version (null when the view has no such version)
// mode: read
// Cost: without an index on _ViewVersion(viewId, version) the version is found by reading every
// _ViewVersion; one per save, so thousands at most.
MATCH (view:_View {id: $id})
WHERE view.deletedAt IS NULL
OPTIONAL MATCH (version:_ViewVersion {viewId: view.id, version: coalesce($version, view.currentVersion)})
RETURN view {.id, .shareId, .title, .author, .owner, .visibility, .createdAt, .updatedAt, .currentVersion} AS view,
       version {.version, .savedAt, .author, .title, .document} AS version
