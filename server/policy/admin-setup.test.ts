// The setup token: works once, only before it expires, and only as issued.
import { describe, expect, it } from 'vitest';
import { AdminSetup, SETUP_VALID_MS } from './admin-setup.ts';

describe('AdminSetup', () => {
  it('accepts the issued token once', () => {
    const setup = new AdminSetup();
    const token = setup.issue(0);
    expect(setup.pending(1)).toBe(true);
    expect(setup.redeem(`${token}x`, 1)).toBe(false);
    expect(setup.redeem('', 1)).toBe(false);
    expect(setup.redeem(token, 1)).toBe(true);
    expect(setup.redeem(token, 2)).toBe(false);
    expect(setup.pending(2)).toBe(false);
  });

  it('refuses an expired token, and a token replaced by a newer one', () => {
    const setup = new AdminSetup();
    const expired = setup.issue(0);
    expect(setup.redeem(expired, SETUP_VALID_MS)).toBe(false);
    const first = setup.issue(0);
    const second = setup.issue(0);
    expect(setup.redeem(first, 1)).toBe(false);
    expect(setup.redeem(second, 1)).toBe(true);
  });

  it('opens nothing before a token is issued or after it is closed', () => {
    const setup = new AdminSetup();
    expect(setup.pending()).toBe(false);
    expect(setup.redeem('anything')).toBe(false);
    const token = setup.issue();
    setup.close();
    expect(setup.redeem(token)).toBe(false);
  });
});
