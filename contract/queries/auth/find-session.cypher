// name: find-session
// title: The session a cookie or token opens
// description: The unexpired session whose secret hashes to tokenHash, and its enabled user.
// param tokenHash: SHA-256 hex of the secret the client sent
// param now: epoch milliseconds now
// param limit: 1: the hash is unique
// returns: session {id, kind, csrfToken, expiresAt, idleExpiresAt}, user {id, username, role}
// mode: read
MATCH (session:_Session {tokenHash: $tokenHash})
WHERE session.expiresAt > $now AND (session.idleExpiresAt IS NULL OR session.idleExpiresAt > $now)
MATCH (user:_User {id: session.userId})
WHERE NOT user.disabled
RETURN session {.id, .kind, .csrfToken, .expiresAt, .idleExpiresAt} AS session, user {.id, .username, .role} AS user
LIMIT $limit
