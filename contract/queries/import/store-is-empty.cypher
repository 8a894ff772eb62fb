// name: store-is-empty
// title: Whether the database holds nothing at all
// description: True when the database has no node of any kind (no evidence, no account, no view):
//   only then may a bulk load replace its store through Neo4j's offline importer.
// returns: state {empty}
// mode: read
// Reads Neo4j's count store: one lookup however large the graph.
RETURN {empty: COUNT { () } = 0} AS state
