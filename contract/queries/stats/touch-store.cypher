// name: touch-store
// title: Read every element's id once
// description: Reads the id of every node and relationship, so the pages of the store that the
//   curated queries read are in Neo4j's page cache before the first request, not loaded by it.
//   Run at start, before "Ready", and after a restart of the embedded Neo4j.
// returns: touched {nodes, relationships}
// mode: read
// Cost: one pass over the store; the caller bounds it with a transaction timeout, so a store larger
// than the page cache warms what it can and the start goes on.
RETURN {nodes: COUNT { (node) WHERE node.id IS NOT NULL }, relationships: COUNT { ()-[link]->() WHERE link.id IS NOT NULL }} AS touched
