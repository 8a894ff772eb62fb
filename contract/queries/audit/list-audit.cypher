// name: list-audit
// title: The audit log
// description: Entries newest first, optionally only one user's, one action's, or a time window.
// param userId: only this user's entries, or null
// param action: only this action, or null
// param from: only entries at or after this ISO date-time, or null
// param to: only entries before this ISO date-time, or null
// param offset: entries to skip (earlier pages)
// param limit: most entries to return
// returns: entry {id, at, userId, username, action, targetIds, query, parameters}
// mode: read
// Cost: filters and sorts every _Audit with the `at` index; an export pages through it.
MATCH (entry:_Audit)
WHERE ($userId IS NULL OR entry.userId = $userId)
  AND ($action IS NULL OR entry.action = $action)
  AND ($from IS NULL OR entry.at >= datetime($from))
  AND ($to IS NULL OR entry.at < datetime($to))
RETURN entry {.id, .at, .userId, .username, .action, .targetIds, .query, .parameters} AS entry
ORDER BY entry.at DESC, entry.id
SKIP $offset
LIMIT $limit
