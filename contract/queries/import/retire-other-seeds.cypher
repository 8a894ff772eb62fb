// name: retire-other-seeds
// title: Retire other seeds' records
// description: Marks the `_Import` records of seeds other than $importId as replaced, once their
//   synthetic records are gone, so start-up does not count them as evidence.
// param importId: the seed being loaded
// returns: retired
// mode: write
MATCH (record:_Import)
WHERE record.id STARTS WITH 'seed:' AND record.id <> $importId AND record.status <> 'replaced'
SET record.status = 'replaced', record.replacedBy = $importId
RETURN count(record) AS retired
