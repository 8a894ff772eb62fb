// name: list-imports
// title: Import history
// description: The imports of users' files, newest first: who, when, which file and mapping, what
//   they wrote, how long they took, and whether they were undone. Seeds are left out.
// param limit: most imports to return
// returns: entry
// mode: read
MATCH (record:_Import)
WHERE NOT record.id STARTS WITH 'seed:'
RETURN record {.id, .fileName, .checksum, .mappingName, .mapping, .importedBy, .durationMs, .status, .counts, .problems, .undoneBy,
               startedAt: toString(record.firstStartedAt), finishedAt: toString(record.finishedAt), undoneAt: toString(record.undoneAt)} AS entry
ORDER BY record.firstStartedAt DESC, record.id
LIMIT $limit
