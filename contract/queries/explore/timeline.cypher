// name: timeline
// title: Timeline
// description: The dated events of a set of nodes, oldest first: posts taken up and left,
//   assignments, detentions, issued directives, sanctions, and the dates of the nodes themselves
//   (a directive's date, a document's date).
// param ids: stable ids of the nodes (one to fifty)
// param limit: most events to return
// returns: one path per event (the dated link, or the dated node alone) with attribute event {date, precision, event, nodeId, edgeId}
// mode: read
// Only the nodes' own links of dated kinds are read; a facility's detentions point at it, so a
// facility in the set brings its 20,000 detentions only through `limit`.
MATCH (node:Entity) WHERE node.id IN $ids
CALL (node) {
  MATCH hop = (node)-[link:HELD_POST|ASSIGNED_TO|DETAINED_AT|ISSUED|SANCTIONED_UNDER|REPORTS_TO]-(:Entity)
  WHERE link.from IS NOT NULL OR link.to IS NOT NULL
  UNWIND [['start', link.from, link.fromPrecision], ['end', link.to, link.toPrecision]] AS moment
  WITH hop, link, moment WHERE moment[1] IS NOT NULL
  RETURN {date: toString(moment[1]), precision: coalesce(moment[2], 'day'), event: type(link) + ' ' + moment[0],
          nodeId: node.id, edgeId: link.id} AS event, hop
  UNION ALL
  MATCH hop = (node) WHERE node.date IS NOT NULL
  RETURN {date: toString(node.date), precision: coalesce(node.datePrecision, 'day'), event: 'dated',
          nodeId: node.id, edgeId: null} AS event, hop
}
RETURN hop, event
ORDER BY event.date, event.nodeId, event.event
LIMIT $limit
