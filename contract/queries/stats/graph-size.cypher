// name: graph-size
// title: Size of the graph
// description: How many evidence nodes and relationships the graph holds, from Neo4j's count store.
// returns: size {nodes, relationships}
// mode: read
RETURN {nodes: COUNT { (:Entity) }, relationships: COUNT { ()-[]->() }} AS size
