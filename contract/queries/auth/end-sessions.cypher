// name: end-sessions
// title: End a user's other sessions
// description: Deletes a user's sessions and API tokens of the kinds given, except one (the session
//   making the request, when it changes its own password). Optionally sets a new password hash in
//   the same transaction, so no session opened with the old password outlives the change.
// param userId: whose sessions
// param kinds: cookie, token or both
// param keep: the id of a session to keep, or null
// param passwordHash: a new argon2id hash to set, or null to leave the password as it is
// returns: ended (how many sessions and tokens were deleted; no row for an unknown user)
// mode: write
MATCH (user:_User {id: $userId})
SET user.passwordHash = coalesce($passwordHash, user.passwordHash)
WITH user
CALL (user) {
  OPTIONAL MATCH (session:_Session {userId: user.id})
  WHERE session.kind IN $kinds AND ($keep IS NULL OR session.id <> $keep)
  DELETE session
  RETURN count(session) AS ended
}
RETURN ended
