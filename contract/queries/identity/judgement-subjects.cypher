// name: judgement-subjects
// title: Records a judgement would be about
// description: The evidence nodes with these ids that exist, with their labels, so a judgement on a
//   missing node or across kinds is refused before anything is written.
// param ids: the node ids
// returns: id, labels per node found
// mode: read
MATCH (node:Entity)
WHERE node.id IN $ids
RETURN node.id AS id, labels(node) AS labels
