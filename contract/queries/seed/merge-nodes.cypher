// name: merge-nodes
// title: Merge nodes
// description: Creates or updates evidence nodes by stable id, with their labels and properties,
//   and links each to the import that wrote it. Node dates stay ISO strings: shown, not compared.
// param rows: nodes to write: id, labels (from model.ts), properties
// param importId: id of the `_Import` record writing them, or null for the built-in seed
// returns: count of nodes written
// mode: write
// Labels are values checked against the model's enum by zod, set through dynamic labels: no
// Cypher text is ever assembled. MERGE on the Entity id constraint makes a re-run a no-op.
UNWIND $rows AS row
MERGE (node:Entity {id: row.id})
SET node += row.properties, node:$(row.labels)
SET node.imports = CASE
  WHEN $importId IS NULL OR $importId IN coalesce(node.imports, []) THEN node.imports
  ELSE coalesce(node.imports, []) + $importId END
RETURN count(node) AS written
