// name: full-text-names
// title: Search names
// description: People, organisations, facilities, directives and places whose name, Chinese name,
//   pinyin, aliases or folded name keys match the text, best match first, through the
//   `entityNames` full-text index (CJK analyzer: Chinese characters match by bigrams, Latin words
//   case-insensitively; nameKeys carry spellings without tones or diacritics, see names.ts).
// param query: Lucene query built from the analyst's text, special characters escaped
// param limit: most nodes to return
// returns: nodes, best first
// mode: read
CALL db.index.fulltext.queryNodes('entityNames', $query) YIELD node, score
WHERE node:Entity
RETURN node
// Equal scores (namesakes: many synthetic detainees share a name) in id order, the same on every run.
ORDER BY score DESC, node.id
LIMIT $limit
