// name: finish-import
// title: Record what an import did
// description: Keeps on an import's record what its history shows: the mapping it used, its counts,
//   how long it took, how many problems its report listed, and the report itself (capped).
// param importId: stable id of the import
// param mappingName: the mapping's name, or null
// param mapping: the mapping document as JSON, or null for a bundle
// param counts: nodes and relationships created and merged, possible matches (JSON)
// param durationMs: the run's duration in milliseconds
// param problems: entries of the report (warnings and notes: a completed import had no errors)
// param report: the report as JSON (capped entries and matches)
// returns: id
// mode: write
MATCH (record:_Import {id: $importId})
SET record.mappingName = $mappingName, record.mapping = $mapping, record.counts = $counts, record.durationMs = $durationMs,
    record.problems = $problems, record.report = $report
RETURN record.id AS id
