// name: photos-of
// title: Photos of people
// description: The photos that depict any of the given people, each with its link to the person it
//   shows. Redacted roles receive the photos without file, checksum or title, and no image.
// param ids: stable ids of the people (one to five hundred)
// param limit: most photos to return
// returns: paths of one hop, photo depicts person; the documents the photos cite
// mode: read
// Cost: one index look-up per id, then the photos pointing at each person (a handful at most).
MATCH (person:Person) WHERE person.id IN $ids
MATCH depiction = (photo:Photo)-[:DEPICTS]->(person)
WITH depiction, photo
ORDER BY photo.id
LIMIT $limit
OPTIONAL MATCH (cited:Document) WHERE cited.id IN coalesce(photo.sources, [])
RETURN depiction, collect(cited) AS citations
