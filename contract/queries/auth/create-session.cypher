// name: create-session
// title: Open a session or issue an API token
// description: A `_Session` keyed by the SHA-256 of its secret (the secret itself is never stored).
//   A cookie session has an idle expiry and a CSRF token; an API token has neither.
// param id: the session's new random id (a UUID), how a token is named when it is revoked
// param tokenHash: SHA-256 hex of the secret the client holds
// param userId: whose session it is
// param kind: cookie or token
// param label: what an API token is for (null for a cookie session)
// param csrfToken: the per-session CSRF token (null for an API token)
// param createdAt: epoch milliseconds of the creation
// param expiresAt: epoch milliseconds after which it is refused, whatever happens
// param idleExpiresAt: epoch milliseconds after which an unused session is refused (null: none)
// returns: id
// mode: write
CREATE (session:_Session {id: $id, tokenHash: $tokenHash, userId: $userId, kind: $kind, label: $label,
                          csrfToken: $csrfToken, createdAt: $createdAt, expiresAt: $expiresAt,
                          idleExpiresAt: $idleExpiresAt})
RETURN session.id AS id
