// name: record-audit
// title: Append to the audit log
// description: `_Audit` entries, one per action: who did what to which entity ids, when. Entries are
//   created here only; no query updates or deletes them. The server writes the entries of many
//   requests in one transaction (a group commit, server/policy/audit-log.ts).
// param entries: the entries, each {id: a new UUID, at: ISO date-time, userId (null for a failed
//   login), username, action, targetIds: stable ids acted on (never names), query: the curated query
//   run or null, parameters: its parameters as JSON text with free text replaced by its length}
// returns: written
// mode: write
UNWIND $entries AS new
CREATE (entry:_Audit {id: new.id, at: datetime(new.at), userId: new.userId, username: new.username, action: new.action,
                      targetIds: new.targetIds, query: new.query, parameters: new.parameters})
RETURN count(entry) AS written
