// name: create-tokens
// title: Name labels, relationship types and property keys before any element carries them
// description: Registers names the curated queries use that this database has never stored (a new
//   database has no judgement, note or import yet). Neo4j drops a plan that named an unknown name
//   once the name exists, so a query planned before the first judgement was planned again by the
//   first request after it; named first, the warm-up's plans stay. Nothing else is written.
// param labels: node labels to register
// param relationshipTypes: relationship types to register
// param propertyKeys: property keys to register
// returns: named (how many names were asked for)
// mode: write
CALL () { UNWIND $labels AS name CALL db.createLabel(name) }
CALL () { UNWIND $relationshipTypes AS name CALL db.createRelationshipType(name) }
CALL () { UNWIND $propertyKeys AS name CALL db.createProperty(name) }
RETURN size($labels) + size($relationshipTypes) + size($propertyKeys) AS named
