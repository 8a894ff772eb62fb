// First contact, as a newcomer meets it after `npm install && npm start`: a fresh server with no admin
// prints a one-time setup address; in the browser it creates the admin, who is signed in and lands on
// the start page. The address then works no more, and the sign-in screen is one compact card.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cleanups, launchApp, printed, type AppProcess } from '../support/app-process.ts';
import { TEST_JVM_OPTIONS } from '../support/neo4j-start.ts';
import { freePort } from '../../server/graph/ports.ts';
import { artifacts, startBrowserSession, type BrowserSession } from './browser-session.ts';
import { launchChromium } from './explorer-page.ts';

const cleanups = new Cleanups();
let server: AppProcess;
let setupAddress: string;

beforeAll(async () => {
  // Its own Neo4j, data folder and ports, and no ADMIN_USER: exactly what `npm start` meets on a new machine.
  server = await launchApp(cleanups, {
    NEO4J_URI: '',
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HEAP: '256m',
    NEO4J_PAGECACHE: '64m',
    NEO4J_JVM_OPTIONS: TEST_JVM_OPTIONS.join(' '),
    ADMIN_USER: '',
    ADMIN_PASSWORD: '',
  });
  await printed(server, 'Create the first admin in your browser:');
  const line = server.output.find((text) => text.includes('Create the first admin in your browser:'))!;
  setupAddress = /(http:\/\/\S+\/setup#token=\S+)/.exec(line)![1]!;
}, 600_000);

afterAll(() => cleanups.run());

describe('first contact', () => {
  it('prints a one-time setup address that creates the first admin in the browser, once', async () => {
    expect(server.output.some((line) => line.includes('No admin account yet'))).toBe(true);
    expect(setupAddress).toMatch(/#token=[A-Za-z0-9_-]{43}$/);
    const browser = await launchChromium();
    cleanups.add(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(setupAddress);
    await page.locator('#setup:not([hidden])').waitFor();
    await page.screenshot({ path: `${artifacts}first-contact-setup.png` });
    await page.locator('#setup-username').fill('first-admin');
    await page.locator('#setup-password').fill('violet tundra kettle 4819 harbour');
    await page.locator('#setup-repeat').fill('violet tundra kettle 4819 harbour');
    await page.locator('#setup-form button[type="submit"]').click();
    await page.locator('#account:not([hidden])').waitFor({ timeout: 30_000 });
    expect(await page.locator('#account-name').textContent()).toBe('first-admin (admin)');
    // The token is off the location bar, and the start page greets the new admin.
    expect(new URL(page.url()).hash).toBe('');
    // A fresh server plans its queries in the background: a first count may miss the time budget, and the page offers a retry.
    for (let attempt = 0; attempt < 4 && !(await page.locator('#start-counts').isVisible()); attempt++) {
      await page
        .locator('#start-page:not([hidden]) #start-counts, #start-page:not([hidden]) .start-holds [data-action="retry"]')
        .first()
        .waitFor({ timeout: 60_000 });
      if (await page.locator('.start-holds [data-action="retry"]').isVisible()) await page.locator('.start-holds [data-action="retry"]').click();
    }
    await page.locator('#start-page:not([hidden]) #start-counts').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${artifacts}first-contact-start-page.png` });
    expect(violations).toEqual([]);

    // The same address again, in a fresh browser context: refused, and nothing is created.
    const again = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await again.goto(setupAddress);
    await again.locator('#setup-username').fill('second-admin');
    await again.locator('#setup-password').fill('amber quarry lantern 7302 fjord');
    await again.locator('#setup-repeat').fill('amber quarry lantern 7302 fjord');
    await again.locator('#setup-form button[type="submit"]').click();
    await again.locator('#setup-error', { hasText: 'not valid' }).waitFor();
    expect(await again.locator('#account').isHidden()).toBe(true);
  }, 300_000);
});

describe('the sign-in screen', () => {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await startBrowserSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('is one compact card: the form under its heading, inputs of one line', async () => {
    const page = await session!.browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(session!.app.baseUrl);
      await page.locator('#login:not([hidden])').waitFor();
      const heading = (await page.locator('#login-title').boundingBox())!;
      const firstLabel = (await page.locator('label[for="login-username"]').boundingBox())!;
      const card = (await page.locator('#login').boundingBox())!;
      expect(firstLabel.y - (heading.y + heading.height), 'the first label right under the heading').toBeLessThan(40);
      for (const input of ['#login-username', '#login-password']) {
        expect((await page.locator(input).boundingBox())!.height, `${input} is one line`).toBeLessThan(45);
      }
      expect(card.height, 'the card is not stretched down the page').toBeLessThan(420);
      expect(card.width).toBeLessThan(460);
      await page.screenshot({ path: `${artifacts}sign-in.png` });
    } finally {
      await page.close();
    }
  });
});
