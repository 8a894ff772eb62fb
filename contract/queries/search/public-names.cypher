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
// param kinds: labels a match must carry one of (a kind or a person's role); empty allows every kind
// param synthetic: true for synthetic records only, false for the public record only, null for both
// param offset: matches to skip, for the next page
// param limit: most nodes to return
// returns: nodes, best first
// mode: read
// In the procedure's score order, streamed to the end of the page (see full-text-names).
CALL db.index.fulltext.queryNodes('publicNames', $query) YIELD node
WHERE node:Entity AND NOT node:Detainee
  AND (size($kinds) = 0 OR any(label IN labels(node) WHERE label IN $kinds))
  AND ($synthetic IS NULL OR coalesce(node.synthetic, false) = $synthetic)
RETURN node
SKIP $offset
LIMIT $limit
