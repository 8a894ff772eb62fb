// name: case-judgements
// title: Judgements by id
// description: The identity judgements with these ids, retracted ones included (a case keeps the
//   history of an investigation), for a case's items.
// param ids: the judgements' ids
// returns: one row per judgement found
// mode: read
// Bounded by the id lookup: at most CASE_LIMITS.items ids, each found through the judgement_id constraint.
MATCH (judgement:_Judgement)
WHERE judgement.id IN $ids
RETURN judgement.id AS id, judgement.leftId AS leftId, judgement.rightId AS rightId, judgement.verdict AS verdict,
  judgement.note AS note, judgement.reasons AS reasons, judgement.author AS author,
  toString(judgement.judgedAt) AS judgedAt, toString(judgement.retractedAt) AS retractedAt, judgement.retractedBy AS retractedBy
