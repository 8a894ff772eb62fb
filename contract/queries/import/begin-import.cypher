// name: begin-import
// title: Begin an import
// description: Creates the record of an import (file name, checksum, rows) or finds the one a
//   crashed run left, and adds this run (when, who). Its `committedBatches` says where to resume.
//   An import that was undone starts again from its first batch.
// param importId: stable id of the import: derived from the file's checksum and the import options
// param fileName: the file's name as given on the command line
// param checksum: SHA-256 of the file's bytes
// param rowCount: rows that will be written, or null when streamed
// param startedAt: ISO date-time of this run
// param importedBy: who runs it (account or operating-system user)
// returns: committedBatches, status, finishedAt
// mode: write
MERGE (record:_Import {id: $importId})
  ON CREATE SET record.fileName = $fileName, record.checksum = $checksum, record.rowCount = $rowCount,
                record.committedBatches = 0, record.status = 'running',
                record.firstStartedAt = datetime($startedAt), record.importedBy = $importedBy
SET record.runs = coalesce(record.runs, []) + [$startedAt + ' ' + $importedBy]
WITH record, record.status = 'undone' AS again
SET record.committedBatches = CASE WHEN again THEN 0 ELSE record.committedBatches END,
    record.status = CASE WHEN again THEN 'running' ELSE record.status END,
    record.importedBy = CASE WHEN again THEN $importedBy ELSE record.importedBy END
RETURN record.committedBatches AS committedBatches, record.status AS status, toString(record.finishedAt) AS finishedAt
