// name: delete-session
// title: End a session or revoke an API token
// description: Deletes one session or token: one of the user's own, or any user's when userId is
//   null (an admin revoking a token). Another user's is never touched otherwise.
// param id: the session's (or token's) id
// param userId: whose it must be, or null for any user's
// param kind: cookie (logout) or token (revocation)
// returns: deleted (0 when there was no such session), owners (whose it was)
// mode: write
OPTIONAL MATCH (session:_Session {id: $id, kind: $kind})
WHERE $userId IS NULL OR session.userId = $userId
WITH session, session.userId AS owner
DELETE session
RETURN count(session) AS deleted, collect(owner) AS owners
