// name: delete-session
// title: End a session or revoke an API token
// description: Deletes one of a user's sessions or tokens; another user's is never touched.
// param id: the session's (or token's) id
// param userId: whose it must be
// param kind: cookie (logout) or token (revocation)
// returns: deleted (0 when there was no such session of this user)
// mode: write
OPTIONAL MATCH (session:_Session {id: $id, userId: $userId, kind: $kind})
DELETE session
RETURN count(session) AS deleted
