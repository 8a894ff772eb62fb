// name: update-user
// title: Change an account's role or disable it
// description: Sets the role and the disabled flag (null leaves either as it is). A disabled
//   account's sessions and API tokens are deleted in the same transaction, so it is out at once.
// param id: the user's id
// param role: the new role, or null
// param disabled: true to disable, false to enable, or null
// returns: user {id, username, role, disabled, createdAt} (no row for an unknown id)
// mode: write
MATCH (user:_User {id: $id})
SET user.role = coalesce($role, user.role), user.disabled = coalesce($disabled, user.disabled)
WITH user
CALL (user) {
  MATCH (session:_Session {userId: user.id})
  WHERE user.disabled
  DELETE session
}
RETURN user {.id, .username, .role, .disabled, .createdAt} AS user
