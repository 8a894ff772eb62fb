// name: create-view
// title: Create a saved view
// description: A new `_View` with its versions: one for a save, every version of the file for an
//   import. Each version is a `_ViewVersion` holding its document as JSON text.
// param id: the view's new random id (a UUID)
// param shareId: the view's share token: random, unguessable, the same for every version and title
// param title: the latest version's title, for lists
// param author: who creates the view
// param owner: the owning account's id
// param visibility: private (the owner only) or shared (every signed-in user)
// param createdAt: ISO date-time of the creation (of the import, for an imported view)
// param versions: every version, numbered 1..n: {version, savedAt, author, title, document}
// returns: id, currentVersion
// mode: write
// Versions point at their view by a `viewId` property, not a relationship: model.ts names no
// internal relationship types, and the catalogue refuses any type it does not know.
// MERGE on the fresh random ids: when the driver retries a transaction whose commit it never heard
// back about, the retry finds the view instead of writing it twice.
MERGE (view:_View {id: $id})
  ON CREATE SET view.shareId = $shareId, view.title = $title, view.author = $author, view.owner = $owner, view.visibility = $visibility,
                view.createdAt = datetime($createdAt), view.updatedAt = datetime($createdAt),
                view.currentVersion = size($versions)
WITH view
UNWIND $versions AS saved
MERGE (version:_ViewVersion {viewId: view.id, version: saved.version})
  ON CREATE SET version.savedAt = datetime(saved.savedAt), version.author = saved.author,
                version.title = saved.title, version.document = saved.document
WITH view, count(version) AS written
RETURN view.id AS id, view.currentVersion AS currentVersion
