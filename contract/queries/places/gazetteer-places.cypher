// name: gazetteer-places
// title: The gazetteer's places
// description: Every place of the official gazetteer (a Place with a division code): its id, code,
//   level and the names it is matched by on import (contract/gazetteer.ts), in code order.
// param limit: most places to return
// returns: one row per place
// mode: read
// The place_code index finds the places with a code; Xinjiang's gazetteer is about 1,500 of them.
MATCH (place:Place)
WHERE place.code IS NOT NULL
RETURN place.id AS id, place.code AS code, place.placeType AS level,
  [name IN [place.name, place.pinyin] + coalesce(place.aliases, []) WHERE name IS NOT NULL] AS names
ORDER BY place.code
LIMIT $limit
