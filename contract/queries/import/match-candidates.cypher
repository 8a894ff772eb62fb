// name: match-candidates
// title: Candidates for incoming nodes
// description: The nodes an import's batch may be about: those with one of the batch's ids, people
//   with one of its official identifiers (ID numbers), and nodes sharing a whole name in some script
//   (matchKeys). The importer scores them (server/import/engine/matching.ts).
// param ids: stable ids of the batch's nodes
// param idNumbers: ID numbers of the batch's people
// param matchKeys: the batch's match keys, each looked up as one exact full-text term (params.ts keywordTerm)
// param perName: most candidates for each name, each ID number and each person's birth date
// param people: the batch's people with a birth date: their birth date and match keys
// param limit: the sum of the branches' caps (ids, and perName for each other look-up), so it never cuts
// returns: id, labels, via (id, idNumber or name), properties (names, dates and places the score reads)
// mode: read
// One seek per id and per ID number on their indexes; one full-text look-up per name on
// entityMatchKeys (keyword analyzer: each key one exact term), each capped on its own. One query of
// all names OR-ed together shared one cap, which the rarest names (ranked first) filled: given the
// cap of its own names (1,200), a roster batch of 240 names left 160 without a candidate, and the
// thousands of candidates a batch's whole cap returned were most of the matching time.
// A common name has more namesakes than that cap: a person is also looked up by birth date on its
// index, keeping up to perName that share a name, so a namesake born the same day is not left out.
// Each look-up is capped on its own and the LIMIT over the whole is the sum of those caps: a LIMIT
// any lower would drop the last branch's rows unsaid.
CALL () {
  UNWIND $ids AS id
  MATCH (node:Entity {id: id})
  RETURN node, 'id' AS via
  UNION
  UNWIND $idNumbers AS number
  CALL (number) {
    MATCH (node:Person {idNumber: number})
    RETURN node
    LIMIT $perName
  }
  RETURN node, 'idNumber' AS via
  UNION
  UNWIND $matchKeys AS term
  CALL db.index.fulltext.queryNodes('entityMatchKeys', term, {limit: $perName}) YIELD node
  RETURN node, 'name' AS via
  UNION
  UNWIND $people AS person
  CALL (person) {
    MATCH (node:Person {birthDate: person.birthDate})
    WHERE any(key IN node.matchKeys WHERE key IN person.keys)
    RETURN node
    LIMIT $perName
  }
  RETURN node, 'name' AS via
}
RETURN node.id AS id, labels(node) AS labels, via,
       node {.name, .nameZh, .pinyin, .idNumber, .birthDate, .address, .county, .prefecture, .latitude, .longitude,
             .level, .placeType, .facilityType, .matchKeys, .synthetic} AS properties
LIMIT $limit
