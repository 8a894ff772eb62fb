// name: merge-import-nodes
// title: Merge imported nodes
// description: Writes an import's nodes. A node the graph lacks is created, listing the import. A
//   node the graph holds (same id, or matched to it) keeps every value it has: the import fills
//   only what is missing, adds its sources, labels and aliases, and leaves a `_Claim` saying what it
//   added and what it agreed with, so undoing the import takes back exactly that.
// param rows: nodes to write: id, labels (from model.ts), properties (with their sources)
// param importId: id of the `_Import` record writing them
// returns: created, merged, written (a row merged into a node this import wrote already counts as written)
// mode: write
// Labels are values checked against the model's enum, set through dynamic labels; property keys
// come from NodeRow (the model's keys, or the mapping's raw_ prefix). No Cypher is assembled.
UNWIND $rows AS row
OPTIONAL MATCH (existing:Entity {id: row.id})
// Read before any branch writes: the branches run one after the other for each row.
WITH row, existing, coalesce(existing.imports, []) AS before
CALL (row, existing, before) {
  WITH row, existing WHERE existing IS NULL
  CREATE (node:Entity {id: row.id})
  SET node += row.properties, node:$(row.labels), node.imports = [$importId]
  RETURN 'created' AS outcome
  UNION
  WITH row, existing, $importId IN before AS again WHERE existing IS NOT NULL
  WITH row, existing, again,
       [key IN keys(row.properties) WHERE NOT key IN ['sources', 'aliases', 'nameKeys', 'matchKeys', 'confidence', 'synthetic']] AS plain
  WITH row, existing, again,
       [key IN plain WHERE existing[key] IS NULL] AS filled,
       [key IN plain WHERE existing[key] = row.properties[key]] AS agreed,
       [source IN coalesce(row.properties.sources, []) WHERE NOT source IN coalesce(existing.sources, [])] AS addedSources,
       [label IN row.labels WHERE NOT label IN labels(existing)] AS addedLabels,
       [alias IN coalesce(row.properties.aliases, []) WHERE NOT alias IN coalesce(existing.aliases, [])] AS addedAliases,
       existing.imports IS NULL AS preexisting
  // A node this import has not written gets a claim of what the import adds. A later row of the
  // import merged into a node it wrote already (two rows with one ID number) fills what the earlier
  // left missing, and adds to the import's claim when the node was another's: undo takes back both.
  // One claim of the import at most (a run of the older query may have left two: the first is extended).
  WITH *, CASE WHEN again THEN head(COLLECT { MATCH (claim:_Claim {elementId: row.id}) WHERE claim.importId = $importId RETURN claim }) END AS earlier
  FOREACH (first IN CASE WHEN again THEN [] ELSE [row] END |
    CREATE (:_Claim {importId: $importId, elementId: first.id, preexisting: preexisting,
                     citedSources: coalesce(first.properties.sources, []), addedSources: addedSources, filled: filled,
                     agreed: agreed, addedLabels: addedLabels, addedAliases: addedAliases}))
  FOREACH (claim IN CASE WHEN earlier IS NULL THEN [] ELSE [earlier] END |
    SET claim.filled = claim.filled + filled, claim.agreed = claim.agreed + [key IN agreed WHERE NOT key IN claim.agreed],
        claim.addedSources = claim.addedSources + addedSources,
        claim.addedLabels = claim.addedLabels + addedLabels, claim.addedAliases = claim.addedAliases + addedAliases,
        claim.citedSources = claim.citedSources + [source IN coalesce(row.properties.sources, []) WHERE NOT source IN claim.citedSources])
  FOREACH (key IN filled | SET existing[key] = row.properties[key])
  SET existing:$(row.labels),
      existing.sources = CASE WHEN existing.sources IS NULL AND size(addedSources) = 0 THEN null ELSE coalesce(existing.sources, []) + addedSources END,
      existing.aliases = CASE WHEN row.properties.aliases IS NULL THEN existing.aliases ELSE coalesce(existing.aliases, []) + addedAliases END,
      existing.nameKeys = CASE WHEN row.properties.nameKeys IS NULL THEN existing.nameKeys
        ELSE coalesce(existing.nameKeys, []) + [key IN row.properties.nameKeys WHERE NOT key IN coalesce(existing.nameKeys, [])] END,
      existing.matchKeys = CASE WHEN row.properties.matchKeys IS NULL THEN existing.matchKeys
        ELSE coalesce(existing.matchKeys, []) + [key IN row.properties.matchKeys WHERE NOT key IN coalesce(existing.matchKeys, [])] END,
      existing.imports = CASE WHEN again THEN existing.imports ELSE coalesce(existing.imports, []) + $importId END
  RETURN CASE WHEN again THEN 'again' ELSE 'merged' END AS outcome
}
RETURN count(CASE outcome WHEN 'created' THEN 1 END) AS created, count(CASE outcome WHEN 'merged' THEN 1 END) AS merged, count(outcome) AS written
