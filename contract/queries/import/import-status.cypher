// name: import-status
// title: Status of an import
// description: Whether an import (or seed) record exists, and how far it got.
// param importId: stable id of the import
// returns: status, committedBatches (no row when there is no such record)
// mode: read
MATCH (record:_Import {id: $importId})
RETURN record.status AS status, record.committedBatches AS committedBatches
