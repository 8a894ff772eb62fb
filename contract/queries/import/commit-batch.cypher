// name: commit-batch
// title: Record a committed batch
// description: Moves an import's resume point past a batch. Runs in the same transaction as the
//   batch's writes, so the record and the graph never disagree after a crash.
// param importId: stable id of the import
// param batchIndex: index of the batch just written (0-based)
// param finished: true for the last batch
// returns: committedBatches
// mode: write
MATCH (record:_Import {id: $importId})
SET record.committedBatches = $batchIndex + 1,
    record.status = CASE WHEN $finished THEN 'complete' ELSE 'running' END,
    record.finishedAt = CASE WHEN $finished THEN datetime() ELSE record.finishedAt END
RETURN record.committedBatches AS committedBatches
