// name: create-judgement
// title: Record a judgement on a pair
// description: An analyst's answer on whether two records are one person, as a `_Judgement` of its
//   own: no link to the evidence and no change to it, so a merge deletes nothing and retracting the
//   judgement restores the records exactly. Both ends must still exist, checked in the same write.
// param id: the judgement's id
// param leftId: one record
// param rightId: the other record
// param verdict: same, not-same or unsure
// param note: the analyst's reason
// param reasons: the matcher's score and signals (JSON text), or null
// param author: who judges
// param judgedAt: ISO date-time
// returns: the judgement (no row when either record is gone)
// mode: write
MATCH (left:Entity {id: $leftId})
MATCH (right:Entity {id: $rightId})
CREATE (judgement:_Judgement {
  id: $id, leftId: left.id, rightId: right.id, verdict: $verdict, note: $note, reasons: $reasons,
  author: $author, judgedAt: datetime($judgedAt)
})
RETURN judgement.id AS id, judgement.leftId AS leftId, judgement.rightId AS rightId, judgement.verdict AS verdict,
  judgement.note AS note, judgement.reasons AS reasons, judgement.author AS author,
  toString(judgement.judgedAt) AS judgedAt, null AS retractedAt, null AS retractedBy
