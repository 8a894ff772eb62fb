// A panel's lifetime: what it listens to on the page, on the canvas and on the workspace stops on dispose, and its requests abort.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { createAccount, panelLifetime } from './panel.ts';

describe('panelLifetime', () => {
  it('removes listeners on the page and on the canvas, aborts requests and runs cleanups once, last first', () => {
    const lifetime = panelLifetime();
    const page = new EventTarget();
    const cy = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
    const heard: string[] = [];
    page.addEventListener('click', () => heard.push('page'), { signal: lifetime.signal });
    lifetime.onCanvas(cy, 'tap', () => heard.push('canvas'));
    lifetime.onCanvas(cy, 'tap', 'node', () => heard.push('node'));
    const cleaned: string[] = [];
    lifetime.defer(() => cleaned.push('first'));
    lifetime.defer(() => cleaned.push('second'));

    page.dispatchEvent(new Event('click'));
    cy.getElementById('a').emit('tap');
    expect(heard.sort()).toEqual(['canvas', 'node', 'page']);

    lifetime.dispose();
    lifetime.dispose();
    heard.length = 0;
    page.dispatchEvent(new Event('click'));
    cy.getElementById('a').emit('tap');
    cy.emit('tap');
    expect(heard).toEqual([]);
    expect(lifetime.signal.aborted).toBe(true);
    expect(cleaned).toEqual(['second', 'first']);
  });
});

describe('createAccount', () => {
  it('settles once an account signs in, for every panel waiting on it', async () => {
    const account = createAccount();
    const session = { user: { id: 'u1', username: 'ana', role: 'analyst' as const }, csrfToken: 't' };
    const waiting = [account.signedIn, account.signedIn];
    account.signIn(session);
    await expect(Promise.all(waiting)).resolves.toEqual([session, session]);
  });
});
