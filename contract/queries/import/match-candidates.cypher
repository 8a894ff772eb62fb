// name: match-candidates
// title: Candidates for incoming nodes
// description: The nodes an import's batch may be about: those with one of the batch's ids, people
//   with one of its official identifiers (ID numbers), and nodes sharing a whole name in some script
//   (matchKeys). The importer scores them (server/import/engine/matching.ts).
// param ids: stable ids of the batch's nodes
// param idNumbers: ID numbers of the batch's people
// param nameQuery: a full-text query of quoted match keys joined by OR, or null when the batch has no names
// param limit: most candidates to return
// returns: id, labels, via (id, idNumber or name), properties (names, dates and places the score reads)
// mode: read
// One seek per id and per ID number on their indexes; one full-text query for every name of the
// batch on entityMatchKeys (keyword analyzer: each key one exact term).
CALL () {
  UNWIND $ids AS id
  MATCH (node:Entity {id: id})
  RETURN node, 'id' AS via
  UNION
  UNWIND $idNumbers AS number
  MATCH (node:Person {idNumber: number})
  RETURN node, 'idNumber' AS via
  UNION
  WITH $nameQuery AS query WHERE query IS NOT NULL
  CALL db.index.fulltext.queryNodes('entityMatchKeys', query, {limit: $limit}) YIELD node
  RETURN node, 'name' AS via
}
RETURN node.id AS id, labels(node) AS labels, via,
       node {.name, .nameZh, .pinyin, .idNumber, .birthDate, .address, .county, .prefecture, .latitude, .longitude,
             .level, .placeType, .facilityType, .matchKeys, .synthetic} AS properties
LIMIT $limit
