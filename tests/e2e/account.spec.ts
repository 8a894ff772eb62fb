// In a real browser: a signed-in analyst opens the Account panel beside "Sign out", makes an API token
// (its secret shown once), sees it listed, revokes it, and changes the password, reading each outcome
// on screen; the new password then signs in and the old one does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestUser, signIn, TEST_PASSWORD } from '../support/neo4j.ts';
import { artifacts, startBrowserSession, type BrowserSession } from './browser-session.ts';

let session: BrowserSession | undefined;
beforeAll(async () => {
  session = await startBrowserSession();
});
afterAll(async () => {
  await session?.close();
});

describe('the account panel', () => {
  it('makes, lists and revokes an API token, and changes the password', async () => {
    const { app } = session!;
    const account = await ensureTestUser(app.driver, 'analyst', `test-e2e-account-${Date.now()}`);
    const explorer = await session!.openPage(account);
    const { page } = explorer;
    try {
      // Each action marks the panel busy at once, and done when its answer is on screen.
      const answered = () => page.locator('details.account-settings[data-state="done"]').waitFor();
      await page.locator('details.account-settings summary').click();
      await answered();
      const tokens = page.locator('.token-list li');
      expect(await tokens.allTextContents()).toEqual(['No API tokens.']);

      await page.getByLabel('Label for a new API token').fill('e2e script');
      await page.getByRole('button', { name: 'Create token' }).click();
      await answered();
      const status = page.locator('.account-status');
      expect(await status.textContent()).toMatch(/^New token "e2e script" \(copy it now, it is not shown again\): xpf_/);
      expect(await tokens.count()).toBe(1);
      expect(await tokens.first().textContent()).toMatch(/^e2e script: made \d{4}-\d{2}-\d{2}/);
      expect(await tokens.first().isVisible()).toBe(true);

      await tokens.first().getByRole('button', { name: 'Revoke' }).click();
      await answered();
      expect(await tokens.allTextContents()).toEqual(['No API tokens.']);

      await page.getByLabel('Current password').fill(TEST_PASSWORD);
      await page.getByLabel(/^New password/).fill('an e2e passphrase of some length');
      await page.getByRole('button', { name: 'Change password' }).click();
      await answered();
      expect(await status.textContent()).toBe('Password changed; 0 other session(s) and token(s) ended.');
      await page.screenshot({ path: `${artifacts}account-panel.png` });
      await expect(signIn(app.baseUrl, account.username, TEST_PASSWORD)).rejects.toThrow(/401/);
      expect((await (await signIn(app.baseUrl, account.username, 'an e2e passphrase of some length')).get('/api/auth/session')).status).toBe(200);
    } finally {
      await page.close();
    }
  });
});
