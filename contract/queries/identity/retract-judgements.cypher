// name: retract-judgements
// title: Retract judgements
// description: Marks judgements retracted (when, by whom) rather than deleting them: the audit of a
//   merge and of its split stays readable. Only judgements still in force change.
// param ids: the judgements' ids
// param retractedAt: ISO date-time
// param author: who retracts them
// returns: id per judgement retracted
// mode: write
MATCH (judgement:_Judgement)
WHERE judgement.id IN $ids AND judgement.retractedAt IS NULL
SET judgement.retractedAt = datetime($retractedAt), judgement.retractedBy = $author
RETURN judgement.id AS id
