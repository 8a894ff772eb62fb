// name: create-user
// title: Create an account
// description: A new `_User` with an argon2id password hash (never the password) and a role.
//   The usernameKey constraint refuses a second account whose name differs only by case.
// param id: the user's new random id (a UUID)
// param username: the login name, as typed at creation
// param usernameKey: the name lower-cased: sign-in and uniqueness ignore case
// param passwordHash: the argon2id hash of the password
// param role: viewer, analyst or admin
// param createdAt: ISO date-time of the creation
// returns: id
// mode: write
CREATE (user:_User {id: $id, username: $username, usernameKey: $usernameKey, passwordHash: $passwordHash, role: $role,
                    disabled: false, createdAt: datetime($createdAt)})
RETURN user.id AS id
