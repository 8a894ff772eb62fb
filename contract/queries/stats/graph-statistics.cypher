// name: graph-statistics
// title: Graph statistics
// description: How many nodes carry each label and how many relationships have each type, in the
//   evidence graph, and how many of them are synthetic test data.
// returns: summary (labels, relationshipTypes, syntheticNodes)
// mode: read
// Label and type counts come from Neo4j's count store (no scan). So does the synthetic count, less
// the nodes that are not synthetic, found on the entity_synthetic index: the public record and
// imports, never the millions of generated rows. Counting those (on the index or by a label scan)
// took 0.6-1.0 s at 10m, and 3.3 s on a cold page cache; this takes 14 ms. It relies on every
// evidence node holding `synthetic` (contract/model/provenance.ts gives it a default of false).
RETURN {
  Person: COUNT { (:Person) }, Official: COUNT { (:Official) }, Guard: COUNT { (:Guard) },
  Detainee: COUNT { (:Detainee) }, Organization: COUNT { (:Organization) }, Facility: COUNT { (:Facility) },
  Directive: COUNT { (:Directive) }, Document: COUNT { (:Document) }, Photo: COUNT { (:Photo) },
  Place: COUNT { (:Place) }, Sanction: COUNT { (:Sanction) }, Figure: COUNT { (:Figure) }
} AS labels,
{
  HELD_POST: COUNT { ()-[:HELD_POST]->() }, SUBORDINATE_TO: COUNT { ()-[:SUBORDINATE_TO]->() },
  REPORTS_TO: COUNT { ()-[:REPORTS_TO]->() }, OPERATES: COUNT { ()-[:OPERATES]->() },
  ASSIGNED_TO: COUNT { ()-[:ASSIGNED_TO]->() }, DETAINED_AT: COUNT { ()-[:DETAINED_AT]->() },
  ISSUED: COUNT { ()-[:ISSUED]->() }, ADDRESSED_TO: COUNT { ()-[:ADDRESSED_TO]->() },
  INVOKES: COUNT { ()-[:INVOKES]->() }, APPLIES_TO: COUNT { ()-[:APPLIES_TO]->() },
  LOCATED_IN: COUNT { ()-[:LOCATED_IN]->() }, DEPICTS: COUNT { ()-[:DEPICTS]->() },
  SANCTIONED_UNDER: COUNT { ()-[:SANCTIONED_UNDER]->() }, RELATED_TO: COUNT { ()-[:RELATED_TO]->() },
  RESIDES_IN: COUNT { ()-[:RESIDES_IN]->() }
} AS relationshipTypes,
COUNT { (:Entity) } - COUNT { (n:Entity) WHERE n.synthetic = false } AS syntheticNodes
