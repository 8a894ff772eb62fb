// name: find-user
// title: An account by login name
// description: The account a login names, with its password hash, for checking a password.
// param username: the login name
// param limit: 1: user names are unique
// returns: user {id, username, passwordHash, role, disabled}
// mode: read
MATCH (user:_User {username: $username})
RETURN user {.id, .username, .passwordHash, .role, .disabled} AS user
LIMIT $limit
