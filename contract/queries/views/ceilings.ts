// How much one saved view may hold: shared by the view document (server/views) and the view queries.

/**
 * More than a screen can draw legibly, well under what Cytoscape handles. The request body limit
 * (server/app.ts) usually binds first.
 */
export const MAX_VIEW_NODES = 5_000;
export const MAX_VIEW_EDGES = 10_000;
/** Saves of one view; past this, export it and import it as a new view. */
export const MAX_VIEW_VERSIONS = 1_000;
