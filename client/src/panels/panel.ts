// The panel contract: every feature of the page mounts with the one PanelContext and its element, and
// hands back a Panel whose dispose() removes its listeners and aborts its requests.
import type cytoscape from 'cytoscape';
import type { Session } from '../../../contract/api/session.ts';
import type { ResultNode } from '../../../contract/result.ts';
import type { OpenedAnswer } from '../../../contract/api/views.ts';
import type { ExplorerWorkspace } from '../workspace/create-workspace.ts';
import type { QueryRunner } from './query-runner.ts';
import type { StatusLine } from './status.ts';

/** What every panel may use: the page's shared services and the few actions one panel offers the others. */
export interface PanelContext {
  /** The canvas and what is on it: panels change the graph only through it. */
  readonly workspace: ExplorerWorkspace;
  /** The page's status line (#status): what is running, what came back, why nothing is drawn. */
  readonly status: StatusLine;
  /** Runs a curated query by its typed name and draws the answer. */
  readonly runner: QueryRunner;
  /** Who is signed in: the sign-in panel opens it, the panels that need an account wait on it. */
  readonly account: Account;
  /** The as-of slider's date (YYYY-MM-DD), or undefined for links of any date. */
  asOf(): string | undefined;
  /** Traces the chain of command from a node: search, the node menu and the inspector offer it. */
  trace(node: ResultNode): Promise<void>;
  /** Shows a node or a link of the workspace in the inspector. */
  inspectNode(id: string): void;
  inspectEdge(id: string): void;
  /** The saved view the canvas shows, if any (what a case attaches). */
  currentView(): { id: string; title: string } | null;
  /** Opens a view fetched by another panel (a case's) on the canvas, as the saved-views panel opens one. */
  showView(message: string, fetchView: () => Promise<OpenedAnswer>): Promise<void>;
}

export interface Account {
  /** Settles once an account is signed in. Signing out reloads the page, so it settles at most once. */
  readonly signedIn: Promise<Session>;
  signIn(session: Session): void;
}

export interface Panel {
  /** Removes the panel's listeners (DOM, canvas, workspace) and aborts its requests. */
  dispose(): void;
}

/** How a panel mounts: one context, its element (`E`), and back a Panel, or a richer `P` the page wires to others. */
export type MountPanel<E extends HTMLElement = HTMLElement, P extends Panel = Panel> = (context: PanelContext, element: E) => P;

export function createAccount(): Account {
  let signIn: (session: Session) => void = () => {};
  const signedIn = new Promise<Session>((resolve) => {
    signIn = resolve;
  });
  return { signedIn, signIn: (session) => signIn(session) };
}

/**
 * What a panel holds until it is disposed. `signal` goes to addEventListener and to requests; the
 * canvas and the workspace have listeners of their own, given back through `onCanvas` and `defer`.
 */
export interface PanelLifetime extends Panel {
  readonly signal: AbortSignal;
  /** Runs `cleanup` on dispose (e.g. the unsubscribe workspace.onChange returns). */
  defer(cleanup: () => void): void;
  /** cy.on for as long as the panel lives; `selector` narrows it to elements, as in cy.on. */
  onCanvas(cy: cytoscape.Core, events: string, handler: cytoscape.EventHandler): void;
  onCanvas(cy: cytoscape.Core, events: string, selector: string, handler: cytoscape.EventHandler): void;
}

export function panelLifetime(): PanelLifetime {
  const controller = new AbortController();
  const cleanups: (() => void)[] = [];
  const defer = (cleanup: () => void) => {
    cleanups.push(cleanup);
  };
  return {
    signal: controller.signal,
    defer,
    onCanvas(cy: cytoscape.Core, events: string, selectorOrHandler: string | cytoscape.EventHandler, handler?: cytoscape.EventHandler) {
      if (typeof selectorOrHandler === 'string' && handler) {
        cy.on(events, selectorOrHandler, handler);
        defer(() => cy.off(events, selectorOrHandler, handler));
      } else if (typeof selectorOrHandler === 'function') {
        cy.on(events, selectorOrHandler);
        defer(() => cy.off(events, selectorOrHandler));
      }
    },
    dispose() {
      controller.abort();
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    },
  };
}
