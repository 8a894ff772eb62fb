// name: match-candidates
// title: Candidates for incoming nodes
// description: The nodes an import's batch may be about: those with one of the batch's ids, people
//   with one of its official identifiers (ID numbers), and nodes sharing a whole name in some script
//   (matchKeys). The importer scores them (server/import/engine/matching.ts).
// param ids: stable ids of the batch's nodes
// param idNumbers: ID numbers of the batch's people
// param nameTerms: the batch's match keys, each a quoted full-text term
// param perName: most candidates for each name
// param limit: most candidates to return
// returns: id, labels, via (id, idNumber or name), properties (names, dates and places the score reads)
// mode: read
// One seek per id and per ID number on their indexes; one full-text look-up per name on
// entityMatchKeys (keyword analyzer: each key one exact term), each capped on its own. One query of
// all names OR-ed together shared one cap, which the rarest names (ranked first) filled: given the
// cap of its own names (1,200), a roster batch of 240 names left 160 without a candidate, and the
// thousands of candidates a batch's whole cap returned were most of the matching time.
CALL () {
  UNWIND $ids AS id
  MATCH (node:Entity {id: id})
  RETURN node, 'id' AS via
  UNION
  UNWIND $idNumbers AS number
  MATCH (node:Person {idNumber: number})
  RETURN node, 'idNumber' AS via
  UNION
  UNWIND $nameTerms AS term
  CALL db.index.fulltext.queryNodes('entityMatchKeys', term, {limit: $perName}) YIELD node
  RETURN node, 'name' AS via
}
RETURN node.id AS id, labels(node) AS labels, via,
       node {.name, .nameZh, .pinyin, .idNumber, .birthDate, .address, .county, .prefecture, .latitude, .longitude,
             .level, .placeType, .facilityType, .matchKeys, .synthetic} AS properties
LIMIT $limit
