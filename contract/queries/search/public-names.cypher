// name: public-names
// title: Search names a redacted reader may find
// description: full-text-names for viewers and under REDACT=1: the same text matched in the
//   `publicNames` full-text index, which holds only kinds that are never protected (officials,
//   guards, organisations, facilities, directives, places). A victim's name is in no index this
//   reads, so a real name costs the same work and gives the same answer, `meta` included, as a
//   made-up one: the search is no oracle. An official who was later detained carries `Detainee`
//   and is protected, so the one label that always protects (node-kinds.ts) is filtered here,
//   before the limit counts.
// param query: Lucene query built from the reader's text, special characters escaped
// param limit: most nodes to return
// returns: nodes, best first
// mode: read
CALL db.index.fulltext.queryNodes('publicNames', $query) YIELD node, score
WHERE node:Entity AND NOT node:Detainee
RETURN node
ORDER BY score DESC, node.id
LIMIT $limit
