// name: full-text-names
// title: Search names
// description: People, organisations, facilities, directives and places whose name, Chinese name,
//   pinyin, aliases or folded name keys match the text, best match first, through the
//   `entityNames` full-text index (CJK analyzer: Chinese characters match by bigrams, Latin words
//   case-insensitively; nameKeys carry spellings without tones or diacritics, see names.ts), or
//   `publicNames`, the same for the kinds that are never protected, when only those are asked for.
// param query: Lucene query built from the analyst's text, special characters escaped
// param kinds: labels a match must carry one of (a kind or a person's role); empty allows every kind
// param synthetic: true for synthetic records only, false for the public record only, null for both
// param offset: matches to skip, for the next page
// param limit: most nodes to return
// returns: nodes, best first
// mode: read
// The procedure answers in score order, equal scores (namesakes) in Lucene's order of its documents:
// the same on every run while the index is unchanged. The filters and the page are applied as the
// matches stream, so a page reads the matches up to its end and no further (a filter that few
// matches pass reads more of them). Sorted again here (score, then id), every match was read first:
// at 10m "tursun" matches 1.56 million names and took 2.8 to 6.7 s; streamed, 0.24 to 0.41 s.
// A search for kinds that are never protected, and only those, reads `publicNames`, which holds those
// kinds alone (contract/model.test.ts checks the list): among `entityNames`' matches for a common
// name, mostly detainees, it read them all to find the few officials, 1.4 s for "tursun" at 10m.
CALL db.index.fulltext.queryNodes(
  CASE WHEN size($kinds) > 0 AND all(kind IN $kinds WHERE kind IN ['Official', 'Guard', 'Organization', 'Facility', 'Directive', 'Place'])
    THEN 'publicNames' ELSE 'entityNames' END, $query) YIELD node
WHERE node:Entity
  AND (size($kinds) = 0 OR any(label IN labels(node) WHERE label IN $kinds))
  AND ($synthetic IS NULL OR coalesce(node.synthetic, false) = $synthetic)
RETURN node
SKIP $offset
LIMIT $limit
