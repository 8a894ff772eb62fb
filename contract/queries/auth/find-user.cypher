// name: find-user
// title: An account by login name
// description: The account a login names, with its password hash, for checking a password. Case is
//   ignored: the name matches an account's lower-cased key. An account of the exact name comes first:
//   two accounts from before keys existed may differ by case only, and each keeps its exact name.
// param username: the login name as typed
// param usernameKey: the login name lower-cased
// param limit: 1: the account of the exact name, else the one of the key
// returns: user {id, username, passwordHash, role, disabled}
// mode: read
CALL () {
  MATCH (user:_User {username: $username})
  RETURN user, 0 AS rank
  UNION
  MATCH (user:_User {usernameKey: $usernameKey})
  RETURN user, 1 AS rank
}
RETURN user {.id, .username, .passwordHash, .role, .disabled} AS user
ORDER BY rank
LIMIT $limit
