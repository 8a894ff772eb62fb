// name: record-audit
// title: Append to the audit log
// description: One `_Audit` entry: who did what to which entity ids, when. Entries are created
//   here only; no query updates or deletes them.
// param id: the entry's new random id (a UUID)
// param at: ISO date-time of the action
// param userId: who acted (null for a failed login, whose user may not exist)
// param username: the acting account's login name, or the name a failed login tried
// param action: what was done (login, search, node-open, query, view-save, export, ...)
// param targetIds: stable ids of the entities or views acted on, never their names
// param query: the curated query run, when there was one
// param parameters: its parameters as JSON text, with free text replaced by its length
// returns: id
// mode: write
CREATE (entry:_Audit {id: $id, at: datetime($at), userId: $userId, username: $username, action: $action,
                      targetIds: $targetIds, query: $query, parameters: $parameters})
RETURN entry.id AS id
