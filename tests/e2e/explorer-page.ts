// Page object for browser tests: drives the explorer as an analyst does and reads what it shows from app state, never from sleeps or element indexes.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { Result } from '../../contract/result.ts';

const chromiumPath = '/usr/bin/chromium';

/**
 * How long the page may take to answer a search, lay out a chain or fill a pane: longer than the test app's
 * 45 s request budget, so on a busy machine a slow answer ends as the app's own error, not as the test
 * giving up; and what a 150-node answer takes on two cores shared by other suites (load 50 and more).
 */
const settleTimeoutMs = 90_000;

/**
 * The system Chromium, headless and quiet: the machine has only loopback, so everything that would
 * phone home (QUIC probes, component updates, sync) is off. playwright-core never downloads a browser.
 */
export async function launchChromium(options: { args?: string[]; gpu?: boolean } = {}): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Browser tests need Chromium at ${chromiumPath}: run \`apt-get install -y chromium\`.`);
  }
  // `gpu: true` keeps the (software) GPU for callers that draw with WebGL; `args` adds flags of theirs.
  const base = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  return chromium.launch({
    executablePath: chromiumPath,
    args: [...(options.gpu ? base.filter((flag) => flag !== '--disable-gpu') : base), ...(options.args ?? [])],
  });
}

export interface DrawnNode {
  id: string;
  classes: string[];
  /** Position inside #graph, in screen pixels (Cytoscape's renderedPosition). */
  x: number;
  y: number;
}

export interface DrawnEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  /** Midpoint inside #graph, in screen pixels (Cytoscape's renderedMidpoint). */
  x: number;
  y: number;
}

export interface Drawn {
  nodes: Map<string, DrawnNode>;
  edges: Map<string, DrawnEdge>;
}

export interface Inspected {
  kind: string;
  id: string;
  synthetic: boolean;
  /** Each cited document: its id and the name the inspector resolved it to. */
  sources: { document: string; name: string }[];
}

export interface ChainItem {
  chain: string;
  strength: string;
  weakestLink: string;
}

/**
 * The rows the chain table must show for a chain answer, from the server's paths: chains through the
 * same links once, and a weakest link only where a link of the chain is weaker than another.
 */
export function chainRowsOf(answer: Result): ChainItem[] {
  const confidence = new Map(answer.edges.map((edge) => [edge.id, String(edge.properties.confidence)]));
  const seen = new Set<string>();
  return answer.paths
    .filter((path) => path.attributes.strength !== undefined)
    .filter((path) => !seen.has(path.edges.join(' ')) && seen.add(path.edges.join(' ')) !== undefined)
    .map((path, i) => {
      const levels = new Set(path.edges.map((id) => confidence.get(id)));
      return { chain: String(i + 1), strength: String(path.attributes.strength), weakestLink: levels.size > 1 ? String(path.attributes.weakestLinkId) : '' };
    });
}

export class ExplorerPage {
  /** What the browser refused under the server's Content-Security-Policy, as its console reported it. */
  readonly cspViolations: string[] = [];

  private constructor(readonly page: Page) {}

  /**
   * `prepare` runs on the new page before it loads anything (a route that watches every request);
   * `bypassCSP` only for a page that injects a test tool (the accessibility engine); every other page runs under the app's policy.
   */
  static async open(
    browser: Browser,
    baseUrl: string,
    account: { username: string; password: string },
    options: { bypassCSP?: boolean; prepare?: (page: Page) => Promise<void> } = {},
  ): Promise<ExplorerPage> {
    // Tall enough that an eight-rank chain is fitted at a zoom where its labels are still drawn.
    const page = await browser.newPage({ viewport: { width: 1440, height: 1200 }, bypassCSP: options.bypassCSP ?? false });
    await options.prepare?.(page);
    const explorer = new ExplorerPage(page);
    // A page error is a bug in the client: surface it in the test output rather than as a later timeout.
    page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
    // Chromium reports each refused script, style, image or connection on the console.
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) explorer.cspViolations.push(message.text());
    });
    await page.goto(baseUrl);
    // Nothing but the sign-in form until the account is signed in.
    await page.locator('#login-username').fill(account.username);
    await page.locator('#login-password').fill(account.password);
    await page.locator('#login-form button[type="submit"]').click();
    await page.locator('#account:not([hidden])').waitFor();
    await page.locator('#status[data-state="idle"]').waitFor();
    return explorer;
  }

  /** Types into the search box and presses Enter; the returned matches can open a chain. */
  search(text: string): SearchResults {
    return new SearchResults(this, this.runSearch(text));
  }

  private async runSearch(text: string): Promise<void> {
    const input = this.page.locator('#search-input');
    await input.fill('');
    await input.pressSequentially(text);
    await input.press('Enter');
    // The status names the text it answered, so a debounced search for a prefix cannot pass for this one.
    await this.settled('search', `“${text}”`);
  }

  /** Waits until the status line settles for `query` (and mentions `mentions`); anything but `done` fails with the page's own message. */
  async settled(query: 'search' | 'chain' | 'expand' | 'query', mentions = ''): Promise<void> {
    await this.page
      .waitForFunction(
        ({ query, mentions }) => {
          const status = document.getElementById('status');
          return (
            status?.dataset.query === query && ['done', 'empty', 'error'].includes(status.dataset.state ?? '') && (status.textContent ?? '').includes(mentions)
          );
        },
        { query, mentions },
        { timeout: settleTimeoutMs },
      )
      .catch(async (error: unknown) => {
        const status = await this.page.locator('#status').evaluate((element) => `${element.dataset.query} ${element.dataset.state}: ${element.textContent}`);
        throw new Error(`The ${query} mentioning "${mentions}" never settled; the status says ${status}`, { cause: error });
      });
    const status = this.page.locator('#status');
    const state = await status.getAttribute('data-state');
    if (state !== 'done') throw new Error(`The ${query} ended "${state}": ${await status.textContent()}`);
  }

  /** The matches listed for the last search, by node id. */
  matchIds(): Promise<string[]> {
    return this.page.locator('#search-results li[data-id]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.id ?? ''));
  }

  async pickMatch(id: string): Promise<void> {
    await this.page.locator(`#search-results li[data-id="${id}"] > button`).click();
    // The start node is inspected just before `done` is announced, which tells this chain from an older one.
    await this.page.locator(`#inspector[data-kind="node"][data-id="${id}"]`).waitFor({ timeout: settleTimeoutMs });
    await this.settled('chain');
  }

  /** The chain table's rows, in order. */
  chains(): Promise<ChainItem[]> {
    return this.page.locator('#chains tr[data-chain]').evaluateAll((items) =>
      items.map((item) => {
        const data = (item as HTMLElement).dataset;
        return { chain: data.chain ?? '', strength: data.strength ?? '', weakestLink: data.weakestLink ?? '' };
      }),
    );
  }

  /** What Cytoscape has drawn, read from the instance the client exposes for tests. */
  async drawn(): Promise<Drawn> {
    const { nodes, edges } = await this.page.evaluate(() => {
      const cy = window.__xpf!.cy;
      return {
        nodes: cy.nodes().map((node) => ({ id: node.id(), classes: node.classes(), ...node.renderedPosition() })),
        edges: cy.edges().map((edge) => ({
          id: edge.id(),
          source: edge.source().id(),
          target: edge.target().id(),
          type: String(edge.data('type')),
          ...edge.renderedMidpoint(),
        })),
      };
    });
    return { nodes: new Map(nodes.map((node) => [node.id, node])), edges: new Map(edges.map((edge) => [edge.id, edge])) };
  }

  /**
   * Pans the canvas so that element `id` is on screen, as an analyst drags the view to it: a chain is
   * kept at a readable zoom and may run beyond the view.
   */
  async bringIntoView(id: string): Promise<void> {
    await this.page.evaluate((id) => {
      const cy = window.__xpf!.cy;
      const element = cy.getElementById(id);
      const at = element.isNode() ? element.renderedPosition() : (element as unknown as { renderedMidpoint(): { x: number; y: number } }).renderedMidpoint();
      const margin = 40;
      if (at.x < margin || at.y < margin || at.x > cy.width() - margin || at.y > cy.height() - margin) cy.center(element);
    }, id);
  }

  /** Clicks a node where it is drawn, as a mouse would, and waits for the inspector to show it. */
  async clickNode(id: string): Promise<Inspected> {
    await this.bringIntoView(id);
    const node = (await this.drawn()).nodes.get(id);
    if (!node) throw new Error(`Node ${id} is not drawn.`);
    await this.clickGraphAt(node, `node ${id}`);
    return this.inspected('node', id, node);
  }

  /** Clicks an edge at its drawn midpoint and waits for the inspector to show it. */
  async clickEdge(id: string): Promise<Inspected> {
    await this.bringIntoView(id);
    const edge = (await this.drawn()).edges.get(id);
    if (!edge) throw new Error(`Edge ${id} is not drawn.`);
    await this.clickGraphAt(edge, `edge ${id}`);
    return this.inspected('edge', id, edge);
  }

  private async clickGraphAt(point: { x: number; y: number }, what: string): Promise<void> {
    const box = await this.page.locator('#graph').boundingBox();
    if (!box) throw new Error('#graph has no box: is the page laid out?');
    // The inspector may already show the target (a chain opens with its start inspected); clicking the
    // empty corner first resets it to the hint, so only a click that really hit can make it show the target.
    await this.page.mouse.click(box.x + 4, box.y + 4);
    await this.page.locator('#inspector[data-kind=""]').waitFor({ timeout: settleTimeoutMs });
    // Rendered positions are relative to the container; a point outside it would click another panel.
    if (point.x < 0 || point.y < 0 || point.x > box.width || point.y > box.height) {
      throw new Error(`${what} is drawn at (${point.x}, ${point.y}), outside the ${box.width}×${box.height} graph.`);
    }
    await this.page.mouse.click(box.x + point.x, box.y + point.y);
  }

  private async inspected(kind: 'node' | 'edge', id: string, clickedAt: { x: number; y: number }): Promise<Inspected> {
    const inspector = this.page.locator(`#inspector[data-kind="${kind}"][data-id="${id}"]`);
    await inspector.waitFor({ timeout: settleTimeoutMs }).catch(async () => {
      const shown = await this.page.locator('#inspector').evaluate((element) => `${element.dataset.kind || 'nothing'} ${element.dataset.id ?? ''}`);
      throw new Error(`Clicking ${kind} ${id} at (${clickedAt.x}, ${clickedAt.y}) in #graph did not inspect it; the inspector shows ${shown}.`);
    });
    return {
      kind,
      id,
      synthetic: (await inspector.locator('[data-badge="synthetic"]').count()) > 0,
      sources: await inspector
        .locator('.sources li[data-document]')
        .evaluateAll((items) =>
          items.map((item) => ({ document: (item as HTMLElement).dataset.document ?? '', name: item.querySelector('cite')?.textContent ?? '' })),
        ),
    };
  }

  /** Right-clicks a node where it is drawn and picks `action` (a `data-action` of the node menu). */
  async nodeAction(id: string, action: string): Promise<void> {
    await (await this.openNodeMenu(id)).locator(`button[data-action="${action}"]`).click();
  }

  /** Right-clicks a node where it is drawn and waits for its menu: the menu, or an error saying what the click met. */
  async openNodeMenu(id: string): Promise<Locator> {
    await this.bringIntoView(id);
    const node = (await this.drawn()).nodes.get(id);
    if (!node) throw new Error(`Node ${id} is not drawn.`);
    const box = await this.page.locator('#graph').boundingBox();
    if (!box) throw new Error('#graph has no box: is the page laid out?');
    const at = { x: box.x + node.x, y: box.y + node.y };
    await this.page.mouse.click(at.x, at.y, { button: 'right' });
    const menu = this.page.locator(`#context-menu[data-id="${id}"]:not([hidden])`);
    await menu.waitFor({ timeout: 30_000 }).catch(async () => {
      // What the click landed on, and what it opened: a panel over the canvas, or a miss on the canvas.
      const seen = await this.page.evaluate(({ x, y }) => {
        const element = document.elementFromPoint(x, y);
        const menu = document.getElementById('context-menu');
        return {
          under: element ? `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}` : 'nothing',
          menu: !menu || menu.hidden ? 'no menu' : `the menu of ${menu.dataset.id}`,
        };
      }, at);
      throw new Error(`Right-clicking node ${id} at (${node.x}, ${node.y}) in #graph, on ${seen.under}, opened no menu for it; the page shows ${seen.menu}.`);
    });
    return menu;
  }

  /** Clicks the first node, then Shift+clicks the others: a plain click selects one, Shift adds. */
  async selectNodes(ids: string[]): Promise<void> {
    const box = await this.page.locator('#graph').boundingBox();
    if (!box) throw new Error('#graph has no box: is the page laid out?');
    await this.page.mouse.click(box.x + 4, box.y + 4);
    for (const [i, id] of ids.entries()) {
      await this.bringIntoView(id);
      const node = (await this.drawn()).nodes.get(id);
      if (!node) throw new Error(`Node ${id} is not drawn.`);
      if (i > 0) await this.page.keyboard.down('Shift');
      await this.page.mouse.click(box.x + node.x, box.y + node.y);
      if (i > 0) await this.page.keyboard.up('Shift');
      await this.page.waitForFunction((id) => window.__xpf!.cy.getElementById(id).selected(), id, { timeout: settleTimeoutMs });
    }
  }

  /**
   * Opens every group of like nodes on the canvas ("181 detainees ▸") by clicking it, as an analyst
   * does to read its members one by one; returns how many it opened.
   */
  async openGroups(): Promise<number> {
    const box = await this.page.locator('#graph').boundingBox();
    if (!box) throw new Error('#graph has no box: is the page laid out?');
    let opened = 0;
    for (;;) {
      // Brought to the middle of the canvas first, as a reader pans to what they click.
      const group = await this.page.evaluate(() => {
        const node = window.__xpf!.cy.nodes('.group').first();
        if (node.empty()) return null;
        window.__xpf!.cy.center(node);
        return { id: node.id(), ...node.renderedPosition() };
      });
      if (!group) return opened;
      await this.page.mouse.click(box.x + group.x, box.y + group.y);
      await this.page.waitForFunction((id) => window.__xpf!.cy.getElementById(id).empty(), group.id, { timeout: settleTimeoutMs });
      opened++;
    }
  }

  /** Presses keys on the page body, as a keyboard shortcut is meant to be used. */
  async press(keys: string): Promise<void> {
    await this.page.locator('body').focus();
    await this.page.keyboard.press(keys);
  }

  /** Waits until every id of `present` is drawn and none of `absent` is (nodes or edges). */
  async waitForCanvas(expect: { present?: string[]; absent?: string[] }): Promise<void> {
    const { present = [], absent = [] } = expect;
    await this.page
      .waitForFunction(
        ({ present, absent }) => {
          const cy = window.__xpf!.cy;
          return present.every((id) => cy.getElementById(id).nonempty()) && absent.every((id) => cy.getElementById(id).empty());
        },
        { present, absent },
        { timeout: settleTimeoutMs },
      )
      .catch(async () => {
        const drawn = await this.page.evaluate(() => window.__xpf!.cy.elements().map((element) => element.id()));
        throw new Error(`Expected ${JSON.stringify({ present, absent })} on the canvas; it draws ${drawn.join(', ')}`);
      });
  }

  /** Ticks or unticks a filter checkbox by its value (a kind, a confidence) or `synthetic`. */
  async setFilter(value: string, shown: boolean): Promise<void> {
    const box = value === 'synthetic' ? this.page.locator('#synthetic-filter') : this.page.locator(`.filters-section input[value="${value}"]`);
    await box.setChecked(shown);
  }

  /** Moves the as-of slider to the month of `date` (YYYY-MM-DD, a month's last day) and waits for the redrawn chain. */
  async setAsOf(date: string): Promise<void> {
    await this.page.locator('#as-of-enabled').setChecked(true);
    await this.page.locator('#as-of').evaluate((slider, date) => {
      const input = slider as HTMLInputElement;
      const [year, month] = date.split('-').map(Number);
      // The slider counts months from its first year, which the page states as its min date.
      const first = Number(input.dataset.firstYear);
      input.value = String((year! - first) * 12 + month! - 1);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, date);
    await this.dateSettled(date);
  }

  /** Waits until the canvas holds the date shown (`date` in its words): the slider rested and its queries were redrawn. */
  async dateSettled(date: string): Promise<void> {
    await this.page.locator('#as-of-value[data-state="settled"]', { hasText: date }).waitFor({ timeout: settleTimeoutMs });
  }

  /** No date: everything drawn whatever its dates, and no comparison. */
  async clearAsOf(): Promise<void> {
    await this.page.locator('#compare-enabled').setChecked(false);
    await this.page.locator('#as-of-enabled').setChecked(false);
    await this.dateSettled('any date');
  }

  /** Compares the as-of date with `date` (YYYY-MM-DD): what entered and left between them is marked and listed. */
  async compareWith(date: string): Promise<void> {
    await this.page.locator('#compare-enabled').setChecked(true);
    await this.page.locator('#compare-date').fill(date);
    await this.page.locator('#compare-date').dispatchEvent('change');
    await this.dateSettled(`compared with ${date}`);
  }

  /** What the workspace holds (drawn or not) with the ids drawn now: to check what is on screen against the data. */
  async drawnWithData(): Promise<{ result: Result; drawn: string[] }> {
    return this.page.evaluate(() => ({
      result: window.__xpf!.workspace.result(),
      drawn: window.__xpf!.cy.elements().map((element) => element.id()),
    }));
  }

  /**
   * Searches `text` and picks the match `id`, which may have no chain of command (a directive, a new
   * record): it is drawn on its own and inspected, and the chain status may say "empty" as well as "done".
   */
  async openNode(text: string, id: string): Promise<void> {
    await this.search(text).ids();
    await this.page.locator(`#search-results li[data-id="${id}"] > button`).click();
    await this.page.locator(`#inspector[data-kind="node"][data-id="${id}"]`).waitFor({ timeout: settleTimeoutMs });
    await this.page.waitForFunction(
      () => {
        const status = document.getElementById('status');
        return status?.dataset.query === 'chain' && ['done', 'empty'].includes(status.dataset.state ?? '');
      },
      undefined,
      { timeout: settleTimeoutMs },
    );
  }

  /** Opens the query panel's form for `name` (folded away until then) and returns it. */
  async queryForm(name: string): Promise<Locator> {
    const details = this.page.locator(`#query-panel details[data-query="${name}"]`);
    if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open))) await details.locator('summary').click();
    return details.locator('form');
  }

  /** The classes of every drawn edge, by id: confidence, `weakest`, `synthetic`. */
  async edgeClasses(): Promise<Map<string, string[]>> {
    const classes = await this.page.evaluate(() => window.__xpf!.cy.edges().map((edge) => [edge.id(), edge.classes()] as [string, string[]]));
    return new Map(classes);
  }

  /** The style Cytoscape computed for an element (a colour, a width), as the canvas draws it. */
  styleOf(id: string, property: string): Promise<string> {
    return this.page.evaluate(({ id, property }) => String(window.__xpf!.cy.getElementById(id).style(property)), { id, property });
  }

  /**
   * Every label the canvas draws, with its on-screen size (Cytoscape's font-size × zoom) and the size
   * below which Cytoscape would hide it (min-zoomed-font-size): what an analyst can read without zooming.
   */
  labelSizes(): Promise<{ id: string; group: 'nodes' | 'edges'; px: number; hiddenBelow: number }[]> {
    return this.page.evaluate(() => {
      const cy = window.__xpf!.cy;
      const zoom = cy.zoom();
      return cy
        .elements()
        .filter((element) => element.visible() && String(element.style('label') ?? '') !== '' && Number(element.style('text-opacity')) > 0)
        .map((element) => ({
          id: element.id(),
          group: element.isNode() ? ('nodes' as const) : ('edges' as const),
          px: Number.parseFloat(String(element.style('font-size'))) * zoom,
          hiddenBelow: Number.parseFloat(String(element.style('min-zoomed-font-size'))),
        }));
    });
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}

/** The answer to one search, awaited lazily so a test reads `explorer.search('…').openChain(id)`. */
export class SearchResults {
  constructor(
    private readonly explorer: ExplorerPage,
    private readonly done: Promise<void>,
  ) {
    // Whoever reads the results sees a failed search; this only keeps an unread one from crashing the run.
    done.catch(() => {});
  }

  async ids(): Promise<string[]> {
    await this.done;
    return this.explorer.matchIds();
  }

  async openChain(id: string): Promise<ExplorerPage> {
    await this.done;
    await this.explorer.pickMatch(id);
    return this.explorer;
  }
}
