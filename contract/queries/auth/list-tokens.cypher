// name: list-tokens
// title: A user's API tokens
// description: The unexpired API tokens of one user, newest first: their ids, labels and dates,
//   never their secrets (only hashes are stored) nor the hashes.
// param userId: whose tokens
// param now: epoch milliseconds now: expired tokens are not listed
// param limit: most tokens to return
// returns: token {id, label, createdAt, expiresAt}
// mode: read
MATCH (token:_Session {userId: $userId})
WHERE token.kind = 'token' AND token.expiresAt > $now
RETURN token {.id, .label, .createdAt, .expiresAt} AS token
ORDER BY token.createdAt DESC, token.id
LIMIT $limit
