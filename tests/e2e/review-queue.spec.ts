// The review queue in a real browser on the seed: an analyst sees the best candidate's two records
// side by side with the signals that counted, answers "same" with a note, and the judgement is
// recorded as theirs; a viewer's page never shows the queue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownDuplicatePairs, SCALES } from '../../seed/synthetic.ts';
import { ensureTestUser, type TestApp } from '../support/neo4j.ts';
import { artifacts, startBrowserSession, type BrowserSession } from './browser-session.ts';

let session: BrowserSession | undefined;
let app: TestApp;
/** The best candidate: the first known pair (ID number, name and Chinese name shared; score 1). */
const first = knownDuplicatePairs(SCALES.small)[0]!;
const removeJudgements = () =>
  app.driver.executeQuery('MATCH (j:_Judgement) WHERE j.leftId = $id OR j.rightId = $id DETACH DELETE j', { id: first.duplicateId }, { routing: 'WRITE' });

beforeAll(async () => {
  session = await startBrowserSession();
  ({ app } = session);
  await removeJudgements();
});
afterAll(async () => {
  if (app) await removeJudgements();
  await session?.close();
});

describe('review queue', () => {
  it('shows an analyst two records side by side with the reasons, and records their judgement', async () => {
    const { page } = session!.explorer;
    const queue = page.locator('#review-queue');
    await queue.locator('button', { hasText: 'Review possible duplicates' }).click();
    await page.locator('#review-queue[data-state="ready"]').waitFor({ timeout: 600_000 });
    const cards = queue.locator('.review-record');
    expect(await cards.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.id))).toEqual([first.originalId, first.duplicateId].sort());
    // Side by side: the same top, the second to the right of the first, each wide enough to read.
    const [left, right] = [(await cards.nth(0).boundingBox())!, (await cards.nth(1).boundingBox())!];
    expect(Math.abs(left.y - right.y)).toBeLessThan(2);
    expect(right.x).toBeGreaterThanOrEqual(left.x + left.width - 1);
    expect(Math.min(left.width, right.width)).toBeGreaterThan(120);
    // The shared ID number is on both sides, and the reasons list it with its weight.
    const ids = await queue.locator('dd[data-fact="idNumber"]').allTextContents();
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(await queue.locator('tr[data-signal="same-id-number"]').textContent()).toContain('+0.6');
    await page.screenshot({ path: `${artifacts}review-queue.png` });

    await queue.locator('textarea').fill('Same ID number on the transfer list.');
    await queue.locator('button[data-verdict="same"]').click();
    // The next pair replaces this one once the judgement is saved.
    await page.waitForFunction((id) => {
      const element = document.getElementById('review-queue')!;
      return element.dataset.state !== 'saving' && !element.querySelector(`.review-record[data-id="${id}"]`);
    }, first.duplicateId);
    const recorded = (await app.get(`/api/identity/judgements?nodeId=${first.duplicateId}`)).body.judgements;
    expect(recorded).toEqual([
      expect.objectContaining({ verdict: 'same', note: 'Same ID number on the transfer list.', author: app.username, retractedAt: null }),
    ]);
    expect(JSON.parse(recorded[0].reasons).signals.map((signal: { name: string }) => signal.name)).toContain('same-id-number');
    await removeJudgements();
  }, 900_000);

  it('is not offered to a viewer', async () => {
    const viewer = await session!.openPage(await ensureTestUser(app.driver, 'viewer'));
    try {
      await viewer.page.locator('#views-panel').waitFor({ state: 'attached' });
      expect(await viewer.page.locator('#review-queue').isVisible()).toBe(false);
      expect(await viewer.page.locator('#review-queue').evaluate((element) => (element as HTMLElement).hidden)).toBe(true);
    } finally {
      await viewer.page.close();
    }
  }, 900_000);
});
