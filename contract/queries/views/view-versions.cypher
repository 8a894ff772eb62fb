// name: view-versions
// title: A saved view's versions
// description: A view (not deleted) and all its versions, oldest first; with their documents for
//   an export, without them for a list of saves.
// param id: the view's id
// param withDocuments: true to return each version's document, false for who saved what when
// returns: view (its record); versions
// mode: read
// Cost: reads every _ViewVersion (no index on viewId); bounded per view by MAX_VIEW_VERSIONS.
MATCH (view:_View {id: $id})
WHERE view.deletedAt IS NULL
OPTIONAL MATCH (version:_ViewVersion {viewId: view.id})
WITH view, version
ORDER BY version.version
RETURN view {.id, .shareId, .title, .author, .owner, .visibility, .createdAt, .updatedAt, .currentVersion} AS view,
       collect(version {.version, .savedAt, .author, .title,
                        document: CASE WHEN $withDocuments THEN version.document END}) AS versions
