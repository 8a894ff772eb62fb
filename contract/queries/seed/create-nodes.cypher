// name: create-nodes
// title: Create new nodes
// description: Creates evidence nodes whose ids are known not to exist yet (a seed's generated
//   rows: other seeds' rows are removed first, and a resumed seed never re-sends a committed
//   batch), with their labels and properties, linked to their import when there is one.
// param rows: nodes to write: id, labels (from model.ts), properties
// param importId: id of the `_Import` record writing them, or null
// returns: count of nodes written
// mode: write
// CREATE skips MERGE's locking lookup; the id constraint still refuses a duplicate, so a wrong
// "new" would fail the batch rather than duplicate a node.
UNWIND $rows AS row
CREATE (node:Entity {id: row.id})
SET node += row.properties, node:$(row.labels)
SET node.imports = CASE WHEN $importId IS NULL THEN null ELSE [$importId] END
RETURN count(node) AS written
