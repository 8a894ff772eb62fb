// name: photo-file
// title: Photo file
// description: One photo, with the people it depicts: what the photo route needs to decide whether
//   and what to serve. Its file is a path in the local photo store.
// param id: stable id of the photo
// returns: the photo node; paths of one hop to the people it depicts
// mode: read
MATCH (photo:Photo {id: $id})
OPTIONAL MATCH depiction = (photo)-[:DEPICTS]->(:Person)
WITH photo, depiction LIMIT 50
RETURN photo, collect(depiction) AS depictions
