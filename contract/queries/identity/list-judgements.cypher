// name: list-judgements
// title: Judgements on records
// description: Judgements, newest first: those in force only, or retracted ones too (the history of
//   a merge and its split). With `nodeIds`, only those about one of these records.
// param nodeIds: records the judgements are about, or null for all
// param includeRetracted: whether retracted judgements are listed
// param limit: most judgements to return
// returns: judgements, newest first
// mode: read
MATCH (judgement:_Judgement)
WHERE ($includeRetracted OR judgement.retractedAt IS NULL)
  AND ($nodeIds IS NULL OR judgement.leftId IN $nodeIds OR judgement.rightId IN $nodeIds)
RETURN judgement.id AS id, judgement.leftId AS leftId, judgement.rightId AS rightId, judgement.verdict AS verdict,
  judgement.note AS note, judgement.reasons AS reasons, judgement.author AS author,
  toString(judgement.judgedAt) AS judgedAt, toString(judgement.retractedAt) AS retractedAt, judgement.retractedBy AS retractedBy
ORDER BY judgement.judgedAt DESC, judgement.id
LIMIT $limit
