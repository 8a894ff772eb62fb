// name: node-id-key
// title: The key of protected people's ids
// description: The graph's one key for the ids an import gives protected people (detainees,
//   relatives): made once, from the first candidate sent, and kept in the graph so that every
//   process writing to it (the server, `npm run import`, another host on the same NEO4J_URI) gives
//   the same row the same id. No other query reads it.
// param candidate: 32 random bytes as hex, kept only when the graph has no key yet
// returns: key
// mode: write
MERGE (held:_NodeIdKey {name: 'protected-people'})
ON CREATE SET held.key = $candidate
RETURN held.key AS key
