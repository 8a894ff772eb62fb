// name: count-admins
// title: Active administrators
// description: How many accounts are enabled admins: the first admin is created only when none is.
// returns: counts {admins}
// mode: read
MATCH (user:_User {role: 'admin'})
WHERE NOT user.disabled
RETURN {admins: count(user)} AS counts
