// name: list-audit
// title: The audit log
// description: Entries newest first (ties by id), optionally only one user's, one action's, or a time
//   window; a page at a time by key: the page after the entry (afterAt, afterId), never by skipping.
// param userId: only this user's entries, or null
// param action: only this action, or null
// param from: only entries at or after this ISO date-time, or null
// param to: only entries before this ISO date-time, or null
// param afterAt: the `at` of the last entry of the previous page, or null for the first page
// param afterId: the `id` of that entry, or null
// param limit: most entries to return
// returns: entry {id, at, userId, username, action, targetIds, query, parameters}
// mode: read
// Cost: walks the `at` index from the newest entry (or from the page's key), so a late page costs
// what the first does; filters on user and action are checked on the entries the walk meets.
MATCH (entry:_Audit)
WHERE entry.at IS NOT NULL
  AND ($userId IS NULL OR entry.userId = $userId)
  AND ($action IS NULL OR entry.action = $action)
  AND ($from IS NULL OR entry.at >= datetime($from))
  AND ($to IS NULL OR entry.at < datetime($to))
  AND ($afterAt IS NULL OR entry.at < datetime($afterAt) OR (entry.at = datetime($afterAt) AND entry.id > $afterId))
RETURN entry {.id, .at, .userId, .username, .action, .targetIds, .query, .parameters} AS entry
ORDER BY entry.at DESC, entry.id
LIMIT $limit
