// name: save-view-version
// title: Save a new version of a view
// description: Writes version baseVersion + 1 of a view, and makes it current, only when
//   baseVersion is still the current one: a save based on an older version is refused, never
//   written over a colleague's. Returns the view's current version either way.
// param id: the view's id
// param baseVersion: the version the analyst opened and edited
// param title: the new version's title
// param author: who saves it
// param savedAt: ISO date-time of the save
// param document: the new version's document as JSON text
// returns: currentVersion, saved (false when baseVersion was stale)
// mode: write
// Lock, then read: the SET takes the view's write lock before `currentVersion` is read, so two
// saves on the same base queue here and the second reads the first's version and is refused.
// Reading first would let both pass the check (read committed) and the later one would win.
MATCH (view:_View {id: $id})
WHERE view.deletedAt IS NULL
SET view._lock = true
REMOVE view._lock
WITH view
CALL (view) {
  WITH view
  WHERE view.currentVersion = $baseVersion
  SET view.currentVersion = $baseVersion + 1, view.title = $title, view.updatedAt = datetime($savedAt)
  CREATE (:_ViewVersion {viewId: view.id, version: $baseVersion + 1, savedAt: datetime($savedAt),
                         author: $author, title: $title, document: $document})
  RETURN count(*) AS written
}
RETURN view.currentVersion AS currentVersion, written > 0 AS saved
