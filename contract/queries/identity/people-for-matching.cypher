// name: people-for-matching
// title: People as the matcher reads them
// description: Every person's names, identity number, birth date, gender and the places they are
//   linked to, for candidate generation by blocking (contract/identity/blocking.ts), one page at a
//   time in id order so a large graph is read in bounded pieces.
// param after: the last id of the previous page ('' for the first)
// param limit: most people per page
// returns: one row per person
// mode: read
MATCH (person:Person)
WHERE person.id > $after
WITH person ORDER BY person.id LIMIT $limit
RETURN person.id AS id, labels(person) AS labels, person.name AS name, person.nameZh AS nameZh, person.pinyin AS pinyin,
  person.idNumber AS idNumber, toString(person.birthDate) AS birthDate, person.gender AS gender,
  COLLECT { MATCH (person)-[:RESIDES_IN]->(place:Entity) RETURN place.id } AS places
