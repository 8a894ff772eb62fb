// name: schema-state
// title: Indexes in place
// description: Each index the store holds: its name, its state, and the constraint it backs if any
//   (a uniqueness constraint is listed by its backing index), so that start-up runs only the schema
//   statements whose constraint or index is missing and waits only when an index is not online.
// param limit: most indexes to list
// returns: name, state, owningConstraint
// mode: read
// A constraint with no backing index (IS NOT NULL, a type) is not listed: a statement creating one
// would run at every start, harmlessly. schema.cypher creates none.
SHOW INDEXES YIELD name, state, owningConstraint
RETURN name, state, owningConstraint
LIMIT $limit
