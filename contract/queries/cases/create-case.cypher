// name: create-case
// title: Create a case
// description: A new `_Case`, owned by the account that creates it and shared with nobody yet.
//   Written only when the owner has no other case (not deleted) of this name; the answer says which.
// param id: the case's new random id (a UUID)
// param name: the case's name
// param owner: the owning account's id
// param ownerName: the owning account's login name, for lists
// param createdAt: ISO date-time of the creation
// returns: duplicate, written
// mode: write
// Cases number in the hundreds per owner at most: the name check reads the owner's cases.
OPTIONAL MATCH (same:_Case {owner: $owner, name: $name})
WHERE same.deletedAt IS NULL
WITH count(same) > 0 AS duplicate
CALL (duplicate) {
  WITH 1 AS go WHERE NOT duplicate
  MERGE (created:_Case {id: $id})
    ON CREATE SET created.name = $name, created.owner = $owner, created.ownerName = $ownerName, created.members = [],
                  created.memberNames = [], created.createdAt = datetime($createdAt), created.updatedAt = datetime($createdAt)
  RETURN count(created) AS written
}
RETURN duplicate, written > 0 AS written
