// name: touch-session
// title: Keep a session alive
// description: Moves a cookie session's idle expiry forward; the absolute expiry never moves.
// param id: the session's id
// param idleExpiresAt: the new idle expiry, epoch milliseconds
// returns: id
// mode: write
MATCH (session:_Session {id: $id})
WHERE session.idleExpiresAt IS NOT NULL
SET session.idleExpiresAt = $idleExpiresAt
RETURN session.id AS id
