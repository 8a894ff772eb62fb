// name: graph-has-evidence
// title: Whether the graph holds evidence
// description: True once a seed or import has finished, or when any evidence node exists that a
//   crashed seed did not leave (a crashed user import still counts: its rows are the user's).
// returns: state {seeded}
// mode: read
// Counts only: COUNT subqueries on labels read Neo4j's count store or stop at the first match.
RETURN {seeded: COUNT { (:_Import {status: 'complete'}) } > 0
                OR (COUNT { (:Entity) } > 0
                    AND COUNT { (seed:_Import {status: 'running'}) WHERE seed.id STARTS WITH 'seed:' } = 0)} AS state
