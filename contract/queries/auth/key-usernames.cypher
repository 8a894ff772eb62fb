// name: key-usernames
// title: Give older accounts their lower-cased name key
// description: Accounts made before sign-in ignored case have no usernameKey. Each gets its name
//   lower-cased, unless another account holds that key already; of accounts whose names differ only
//   by case, the oldest gets the key and the others keep signing in by their exact name.
// returns: keyed (how many accounts got a key), collisions (names left to exact sign-in)
// mode: write
// Cost: reads the accounts without a key: after the first start, only those whose names collide.
MATCH (user:_User)
WHERE user.usernameKey IS NULL
WITH user ORDER BY user.createdAt, user.id
WITH toLower(user.username) AS key, collect(user) AS named
WITH key, named, EXISTS { MATCH (:_User {usernameKey: key}) } AS taken
FOREACH (first IN CASE WHEN taken THEN [] ELSE named[0..1] END | SET first.usernameKey = key)
RETURN {keyed: sum(CASE WHEN taken THEN 0 ELSE 1 END), collisions: sum(size(named) - CASE WHEN taken THEN 0 ELSE 1 END)} AS counts
