// name: list-users
// title: Accounts
// description: Every account by login name, a page at a time; never the password hashes.
// param offset: accounts to skip (earlier pages)
// param limit: most accounts to return
// returns: user {id, username, role, disabled, createdAt}
// mode: read
// Cost: reads every _User (a few hundred at most) and sorts them by the username index.
MATCH (user:_User)
RETURN user {.id, .username, .role, .disabled, .createdAt} AS user
ORDER BY user.username
SKIP $offset
LIMIT $limit
