// What every browser test starts from: the current client bundle, the real app on the shared test
// Neo4j, the system Chromium, and the test analyst signed in. Screenshots go to tests/artifacts/.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { Result, type ResultNode } from '../../contract/result.ts';
import { ensureClientBuilt } from '../../server/http/client-bundle.ts';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../support/neo4j.ts';
import { ExplorerPage, launchChromium } from './explorer-page.ts';

/** Git-ignored: screenshots for a reviewer to look at, not for comparison. */
export const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

export interface BrowserSession {
  app: TestApp;
  browser: Browser;
  /** The test analyst, signed in. */
  explorer: ExplorerPage;
  /** A new page on the session's browser and app, signed in as `account`; the caller closes it. */
  openPage(account: { username: string; password: string }): Promise<ExplorerPage>;
  close(): Promise<void>;
}

/** The Result an API call answered, after checking it answered 200. */
export async function resultOf(answer: Promise<{ status: number; body: unknown }>): Promise<Result> {
  const { status, body } = await answer;
  expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
  return Result.parse(body);
}

/**
 * A test's starting data, asked of the API as the analyst would: a 503 (the graph slow to hand out a
 * connection on a busy machine, "try again shortly") is asked again, as a client would, a few times.
 */
export async function startingResultOf(ask: () => Promise<{ status: number; body: unknown }>, attempts = 4): Promise<Result> {
  let answer = await ask();
  for (let attempt = 1; attempt < attempts && answer.status === 503; attempt++) answer = await ask();
  return resultOf(Promise.resolve(answer));
}

export const nameOf = (node: ResultNode) => String(node.properties.name);

export async function startBrowserSession(): Promise<BrowserSession> {
  // The app serves client/dist; a stale bundle would test yesterday's client.
  await ensureClientBuilt(() => {});
  await mkdir(artifacts, { recursive: true });
  const app = await startTestApp();
  const browser = await launchChromium().catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  const explorer = await ExplorerPage.open(browser, app.baseUrl, { username: app.username, password: TEST_PASSWORD });
  return {
    app,
    browser,
    explorer,
    openPage: (account) => ExplorerPage.open(browser, app.baseUrl, account),
    async close() {
      await browser.close();
      await app.close();
    },
  };
}
