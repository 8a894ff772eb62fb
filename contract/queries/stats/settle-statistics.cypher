// name: settle-statistics
// title: Resample every index and start the query cache afresh
// description: Run before the warm-up when this start built indexes or loaded the seed: their
//   statistics were still being sampled, so plans made then were thrown away as stale by the first
//   requests after "Ready" (Neo4j's debug.log: "Discarded stale query … IndexSelectivity changed").
//   Waits for the resampling, then empties the query cache, which the warm-up then fills.
// param timeoutSeconds: how long to wait for the resampling
// returns: nothing
// mode: write
// Never run by the warm-up itself (`warm: false`): it empties the query cache whatever transaction it is in.
CALL db.prepareForReplanning($timeoutSeconds)
