// name: merge-relationships
// title: Merge relationships
// description: Creates or updates relationships by stable id between existing evidence nodes,
//   and links each to the import that wrote it. `from` and `to` arrive as ISO dates and are
//   stored as Neo4j dates so chains can compare them.
// param rows: relationships to write: id, type (from model.ts), source, target, properties
// param importId: id of the `_Import` record writing them, or null for the built-in seed
// returns: count of relationships written (a row whose end is missing is not written)
// mode: write
// Both ends are bound before the MERGE, so it is an Expand(Into), which walks from the end with
// fewer relationships: a detainee's few links, not the 20,000 of the facility holding them.
UNWIND $rows AS row
MATCH (source:Entity {id: row.source})
MATCH (target:Entity {id: row.target})
MERGE (source)-[link:$(row.type) {id: row.id}]->(target)
SET link += row.properties, link.from = date(row.properties.from), link.to = date(row.properties.to)
SET link.imports = CASE
  WHEN $importId IS NULL OR $importId IN coalesce(link.imports, []) THEN link.imports
  ELSE coalesce(link.imports, []) + $importId END
RETURN count(link) AS written
