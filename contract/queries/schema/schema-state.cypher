// name: schema-state
// title: Indexes in place
// description: The name and state of each index the store holds (a constraint's backing index has the
//   constraint's name), so that start-up runs only the schema statements whose index is missing and
//   waits for indexes only when one is not online.
// param limit: most indexes to list
// returns: name, state
// mode: read
SHOW INDEXES YIELD name, state
RETURN name, state
LIMIT $limit
