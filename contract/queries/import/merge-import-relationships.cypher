// name: merge-import-relationships
// title: Merge imported relationships
// description: Writes an import's relationships between existing nodes, as merge-import-nodes does
//   nodes: a new link lists the import; a link the graph holds keeps its values, gains the import's
//   sources and missing values, and a `_Claim` records what the import added (a later row of the
//   import on the same link adds to it); a row whose period differs from the link's makes a link of
//   its own, whoever wrote the link. `from`
//   and `to` are stored as dates so chains can compare them.
// param rows: relationships to write: id, type (from model.ts), source, target, properties
// param importId: id of the `_Import` record writing them
// returns: created, merged, written (a row whose end is missing is not written; a row merged into a link this import wrote already counts as written)
// mode: write
// Both ends are bound before the link is looked for, so it is an Expand(Into) from the end with
// fewer links: a detainee's few, not the 20,000 of the facility holding them.
UNWIND $rows AS row
MATCH (source:Entity {id: row.source})
MATCH (target:Entity {id: row.target})
OPTIONAL MATCH (source)-[joined {id: row.id}]->(target)
// A row on a link the graph holds (a later row of this import, a row merged into another's node that
// joins that node's link, or a later file: a roster of 2019 that finds the person held there since
// 2017) with another period is another stay, not a value to drop: a link of its own, named by its
// period, so rows giving the same period meet on it. Periods differ where both give a date and the
// dates differ at the coarser of their precisions (2017-05 and 2017-05-28 are one start), or where
// together they would end before they start.
WITH row, source, target, joined,
     CASE WHEN 'year' IN [joined.fromPrecision, row.properties.fromPrecision] THEN 4
          WHEN 'month' IN [joined.fromPrecision, row.properties.fromPrecision] THEN 7 ELSE 10 END AS fromDigits,
     CASE WHEN 'year' IN [joined.toPrecision, row.properties.toPrecision] THEN 4
          WHEN 'month' IN [joined.toPrecision, row.properties.toPrecision] THEN 7 ELSE 10 END AS toDigits
WITH row, source, target, joined,
     joined IS NOT NULL AND (
       coalesce(left(toString(joined.from), fromDigits) <> left(row.properties.from, fromDigits), false) OR
       coalesce(left(toString(joined.to), toDigits) <> left(row.properties.to, toDigits), false) OR
       coalesce(coalesce(joined.from, date(row.properties.from)) > coalesce(joined.to, date(row.properties.to)), false)) AS anotherStay
WITH source, target, anotherStay, joined, row,
     row.id + ':stay:' + coalesce(row.properties.from, '') + ':' + coalesce(row.properties.to, '') AS stayId
// The stay is looked for under its own id also where the link is not: the first file's link may have
// been undone while a later file's stay was kept, and that later file imported again finds it.
OPTIONAL MATCH (source)-[stay {id: stayId}]->(target) WHERE anotherStay OR joined IS NULL
WITH source, target, CASE WHEN anotherStay THEN null ELSE joined END AS joined, stay,
     CASE WHEN anotherStay OR (joined IS NULL AND stay IS NOT NULL) THEN row {.*, id: stayId} ELSE row END AS row
// Read before any branch writes: the branches run one after the other for each row.
WITH row, source, target, coalesce(joined, stay) AS existing
WITH row, source, target, existing, coalesce(existing.imports, []) AS before
CALL (row, source, target, existing, before) {
  WITH row, source, target, existing WHERE existing IS NULL
  CREATE (source)-[link:$(row.type)]->(target)
  SET link += row.properties, link.id = row.id, link.from = date(row.properties.from), link.to = date(row.properties.to),
      link.imports = [$importId]
  RETURN 'created' AS outcome
  UNION
  WITH row, existing, $importId IN before AS again WHERE existing IS NOT NULL
  WITH row, existing, again,
       [key IN keys(row.properties) WHERE NOT key IN ['sources', 'confidence', 'synthetic']] AS plain
  WITH row, existing, again,
       [key IN plain WHERE existing[key] IS NULL] AS filled,
       [key IN plain WHERE toString(existing[key]) = toString(row.properties[key])] AS agreed,
       [source IN row.properties.sources WHERE NOT source IN coalesce(existing.sources, [])] AS addedSources,
       existing.imports IS NULL AS preexisting
  // As merge-import-nodes: a later row of the import on a link it wrote already (a row merged into
  // another's node joins that node's link) fills what the earlier left missing, and adds to the
  // import's claim when the link was another's.
  WITH *, CASE WHEN again THEN head(COLLECT { MATCH (claim:_Claim {elementId: row.id}) WHERE claim.importId = $importId RETURN claim }) END AS earlier
  FOREACH (first IN CASE WHEN again THEN [] ELSE [row] END |
    CREATE (:_Claim {importId: $importId, elementId: first.id, preexisting: preexisting, citedSources: first.properties.sources,
                     addedSources: addedSources, filled: filled, agreed: agreed, addedLabels: [], addedAliases: []}))
  FOREACH (claim IN CASE WHEN earlier IS NULL THEN [] ELSE [earlier] END |
    SET claim.filled = claim.filled + filled, claim.agreed = claim.agreed + [key IN agreed WHERE NOT key IN claim.agreed],
        claim.addedSources = claim.addedSources + addedSources,
        claim.citedSources = claim.citedSources + [source IN row.properties.sources WHERE NOT source IN claim.citedSources])
  FOREACH (key IN [key IN filled WHERE NOT key IN ['from', 'to']] | SET existing[key] = row.properties[key])
  SET existing.from = CASE WHEN 'from' IN filled THEN date(row.properties.from) ELSE existing.from END,
      existing.to = CASE WHEN 'to' IN filled THEN date(row.properties.to) ELSE existing.to END,
      existing.sources = coalesce(existing.sources, []) + addedSources,
      existing.imports = CASE WHEN again THEN existing.imports ELSE coalesce(existing.imports, []) + $importId END
  RETURN CASE WHEN again THEN 'again' ELSE 'merged' END AS outcome
}
RETURN count(CASE outcome WHEN 'created' THEN 1 END) AS created, count(CASE outcome WHEN 'merged' THEN 1 END) AS merged, count(outcome) AS written
