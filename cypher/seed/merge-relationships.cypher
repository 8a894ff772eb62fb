// name: merge-relationships
// title: Merge relationships
// description: Creates or updates relationships by stable id between existing evidence nodes.
//   `from` and `to` arrive as ISO dates and are stored as Neo4j dates so chains can compare them.
// param rows: relationships to write: id, type (from model.ts), source, target, properties
// returns: count of relationships written
// mode: write
UNWIND $rows AS row
MATCH (source:Entity {id: row.source})
MATCH (target:Entity {id: row.target})
MERGE (source)-[link:$(row.type) {id: row.id}]->(target)
SET link += row.properties, link.from = date(row.properties.from), link.to = date(row.properties.to)
RETURN count(link) AS written
