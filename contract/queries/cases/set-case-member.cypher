// name: set-case-member
// title: Add or remove a member of a case
// description: Shares a case with one more account, or stops sharing it with one. Adding an account
//   already a member changes nothing. No row when there is no such case.
// param id: the case's id
// param userId: the member's account id
// param username: the member's login name, for lists
// param add: true to add the member, false to remove them
// param changedAt: ISO date-time of the change
// returns: members
// mode: write
// updatedAt is set first: the case's write lock is then held before its members are read, so two
// changes at once each build on the other's list instead of one losing the other's member.
MATCH (caseRecord:_Case {id: $id})
WHERE caseRecord.deletedAt IS NULL
SET caseRecord.updatedAt = datetime($changedAt)
WITH caseRecord, [index IN range(0, size(caseRecord.members) - 1) WHERE caseRecord.members[index] <> $userId] AS kept
SET caseRecord.members = [index IN kept | caseRecord.members[index]] + CASE WHEN $add THEN [$userId] ELSE [] END,
    caseRecord.memberNames = [index IN kept | caseRecord.memberNames[index]] + CASE WHEN $add THEN [$username] ELSE [] END
RETURN caseRecord.members AS members
