// Photos on person nodes: after each draw, the photos of the people drawn are asked for through the
// catalogue's photos-of query (redacted like any Result), and each photo this account may see becomes
// the node's background image, loaded by Cytoscape from /api/photos (same origin: the session cookie goes along).
import type cytoscape from 'cytoscape';
import { type DisplayKind, type NodeLabel, PersonRole, type RelationshipType } from '../../../contract/model.ts';
import { isAbort, runQuery } from '../api.ts';
import { type Panel, type PanelContext, panelLifetime } from './panel.ts';

/** People: a Person, and the roles that ride on one (the model's PersonRole: official, guard, detainee). */
const personKinds: ReadonlySet<DisplayKind> = new Set(['Person', ...PersonRole.options]);
/** Named through the model's types, so a renamed kind or link fails the type check here. */
const photoLabel: NodeLabel = 'Photo';
const depicts: RelationshipType = 'DEPICTS';
/** photos-of takes at most this many ids at once. */
const BATCH = 500;

export function photoUrl(photoId: string): string {
  return `/api/photos/${encodeURIComponent(photoId)}`;
}

/** Mounts on the canvas: it has no element of its own, only the nodes' images. */
export function mountPhotos({ workspace }: PanelContext): Panel {
  const cy = workspace.cy;
  const lifetime = panelLifetime();
  /** Person id -> photo URL, or null once asked and none may be shown. Survives redraws (undo, views). */
  const known = new Map<string, string | null>();
  let inFlight: AbortController | null = null;
  let scheduled = false;

  const apply = (nodes: cytoscape.NodeCollection) =>
    nodes.forEach((node) => {
      const url = known.get(node.id());
      if (url && node.data('photo') !== url) node.data('photo', url);
    });

  const askForDrawn = async () => {
    scheduled = false;
    const people = cy.nodes().filter((node) => personKinds.has(node.data('kind') as DisplayKind));
    apply(people);
    const unasked = people.map((node) => node.id()).filter((id) => !known.has(id));
    // A newer draw makes the answer being awaited stale: its ids are asked again below if still drawn.
    inFlight?.abort();
    if (unasked.length === 0 || lifetime.signal.aborted) return;
    const controller = new AbortController();
    inFlight = controller;
    try {
      for (let start = 0; start < unasked.length; start += BATCH) {
        const ids = unasked.slice(start, start + BATCH);
        const result = await runQuery('photos-of', { ids, limit: 1_000 }, controller.signal);
        for (const id of ids) known.set(id, known.get(id) ?? null);
        const photos = new Map(result.nodes.filter((node) => node.labels.includes(photoLabel)).map((node) => [node.id, node]));
        for (const edge of result.edges) {
          const photo = photos.get(edge.source);
          // A redacted photo has no file for this account: no image, and no request that would be refused.
          if (edge.type !== depicts || !photo || photo.properties.redacted === true || typeof photo.properties.file !== 'string') continue;
          if (!known.get(edge.target)) known.set(edge.target, photoUrl(photo.id));
        }
        const asked = new Set(ids);
        apply(cy.nodes().filter((node) => asked.has(node.id())));
      }
    } catch (error) {
      // Photos are decoration on the evidence: a failure leaves nodes as they were drawn.
      if (!isAbort(error)) console.warn('photos-of failed', error);
    } finally {
      if (inFlight === controller) inFlight = null;
    }
  };

  // Nodes are added one by one within a draw: gather them and ask once the draw has run.
  lifetime.onCanvas(cy, 'add', 'node', () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => void askForDrawn());
  });
  lifetime.defer(() => inFlight?.abort());
  return { dispose: lifetime.dispose };
}
