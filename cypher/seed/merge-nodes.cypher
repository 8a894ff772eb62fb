// name: merge-nodes
// title: Merge nodes
// description: Creates or updates evidence nodes by stable id, with their labels and properties.
//   Node dates stay ISO strings: they are shown, not compared.
// param rows: nodes to write: id, labels (from model.ts), properties
// returns: count of nodes written
// mode: write
// Labels are values checked against the model's enum by zod, set through dynamic labels: no
// Cypher text is ever assembled.
UNWIND $rows AS row
MERGE (node:Entity {id: row.id})
SET node += row.properties, node:$(row.labels)
RETURN count(node) AS written
