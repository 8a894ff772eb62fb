// name: full-text-names
// title: Search names
// description: People, organisations, facilities, directives and places whose name, Chinese name,
//   pinyin, aliases or folded name keys match the text, best match first, through the
//   `entityNames` full-text index (CJK analyzer: Chinese characters match by bigrams, Latin words
//   case-insensitively; nameKeys carry spellings without tones or diacritics, see names.ts).
// param query: Lucene query built from the analyst's text, special characters escaped
// param kinds: labels a match must carry one of (a kind or a person's role); empty allows every kind
// param synthetic: true for synthetic records only, false for the public record only, null for both
// param offset: matches to skip, for the next page
// param limit: most nodes to return
// returns: nodes, best first
// mode: read
// The index answers every match in score order; the filters and the page are applied as they stream,
// so a page deep in a common name reads the matches before it (bounded by offset's ceiling).
CALL db.index.fulltext.queryNodes('entityNames', $query) YIELD node, score
WHERE node:Entity
  AND (size($kinds) = 0 OR any(label IN labels(node) WHERE label IN $kinds))
  AND ($synthetic IS NULL OR coalesce(node.synthetic, false) = $synthetic)
RETURN node
// Equal scores (namesakes: many synthetic detainees share a name) in id order, the same on every run.
ORDER BY score DESC, node.id
SKIP $offset
LIMIT $limit
