// name: create-relationships
// title: Create new relationships
// description: Creates relationships whose ids are known not to exist yet (a seed's generated
//   rows) between existing evidence nodes; `from` and `to` are stored as Neo4j dates.
// param rows: relationships to write: id, type (from model.ts), source, target, properties
// param importId: id of the `_Import` record writing them, or null
// returns: count of relationships written (a row whose end is missing is not written)
// mode: write
UNWIND $rows AS row
MATCH (source:Entity {id: row.source})
MATCH (target:Entity {id: row.target})
CREATE (source)-[link:$(row.type)]->(target)
SET link += row.properties, link.id = row.id, link.from = date(row.properties.from), link.to = date(row.properties.to)
SET link.imports = CASE WHEN $importId IS NULL THEN null ELSE [$importId] END
RETURN count(link) AS written
