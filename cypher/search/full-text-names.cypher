// name: full-text-names
// title: Search names
// description: People, organisations, facilities and directives whose name, Chinese name, pinyin
//   or aliases match the text, best match first, through the `entityNames` full-text index (CJK
//   analyzer: Chinese characters match by bigrams, Latin words case-insensitively).
// param query: Lucene query built from the analyst's text, special characters escaped
// param limit: most nodes to return
// returns: nodes, with score
// mode: read
CALL db.index.fulltext.queryNodes('entityNames', $query) YIELD node, score
WHERE node:Entity
RETURN node, score
ORDER BY score DESC
LIMIT $limit
