// One's own account, beside the sign-out button: change the password (the current one asked for), and
// list, make or revoke API tokens for scripts (a new token's secret is shown once, here).
import { IssuedToken, PasswordChanged, TokenList, type TokenInfo } from '../../../contract/api/account.ts';
import { ApiError, requestJson } from '../api.ts';
import { createElement } from '../dom.ts';

function field(label: string, type: string, autocomplete: string): { row: HTMLLabelElement; input: HTMLInputElement } {
  const input = createElement('input', { attrs: { type, autocomplete, required: '' } });
  return { row: createElement('label', { text: label }, [input]), input };
}

function why(error: unknown): string {
  if (!(error instanceof ApiError)) return 'The server did not answer.';
  return error.errors?.length ? error.errors.map((problem) => `${problem.field} ${problem.reason}`).join('; ') : error.message;
}

/** Mounts the account panel after `anchor` (the signed-in line of the masthead). */
export function mountAccountSettings(anchor: HTMLElement): HTMLDetailsElement {
  const status = createElement('p', { className: 'account-status', attrs: { role: 'status' } });
  const say = (text: string) => (status.textContent = text);
  const panel = createElement('details', { className: 'account-settings', attrs: { 'data-state': 'idle' } });
  /** One request at a time, its state on the panel (`busy`, then `done` or `error`) so a reader, or a test, knows when it answered. */
  const run = async (action: () => Promise<void>) => {
    panel.dataset.state = 'busy';
    try {
      await action();
      panel.dataset.state = 'done';
    } catch (error) {
      say(why(error));
      panel.dataset.state = 'error';
    }
  };

  const current = field('Current password', 'password', 'current-password');
  const next = field('New password (12 characters or more, not a common one)', 'password', 'new-password');
  const passwordForm = createElement('form', { className: 'account-form' }, [
    current.row,
    next.row,
    createElement('button', { text: 'Change password', attrs: { type: 'submit' } }),
  ]);
  passwordForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(async () => {
      const changed = await requestJson('POST', '/api/auth/password', PasswordChanged, {
        body: { currentPassword: current.input.value, newPassword: next.input.value },
      });
      passwordForm.reset();
      say(`Password changed; ${changed.endedSessions} other session(s) and token(s) ended.`);
    });
  });

  const tokens = createElement('ul', { className: 'token-list' });
  const label = field('Label for a new API token', 'text', 'off');
  const tokenForm = createElement('form', { className: 'account-form' }, [
    label.row,
    createElement('button', { text: 'Create token', attrs: { type: 'submit' } }),
  ]);
  tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(async () => {
      const issued = await requestJson('POST', '/api/auth/tokens', IssuedToken, { body: { label: label.input.value } });
      tokenForm.reset();
      say(`New token "${issued.label}" (copy it now, it is not shown again): ${issued.token}`);
      await refresh();
    });
  });

  const row = (token: TokenInfo) => {
    const revoke = createElement('button', { text: 'Revoke', attrs: { type: 'button' } });
    revoke.addEventListener('click', () => {
      void run(async () => {
        await requestJson('DELETE', `/api/auth/tokens/${encodeURIComponent(token.id)}`, null);
        await refresh();
      });
    });
    const text = `${token.label ?? '(no label)'}: made ${token.createdAt.slice(0, 10)}, expires ${token.expiresAt.slice(0, 10)} `;
    return createElement('li', { text, attrs: { 'data-token': token.id } }, [revoke]);
  };
  async function refresh(): Promise<void> {
    const { tokens: listed } = await requestJson('GET', '/api/auth/tokens', TokenList);
    tokens.replaceChildren(...(listed.length > 0 ? listed.map(row) : [createElement('li', { text: 'No API tokens.' })]));
  }

  panel.append(createElement('summary', { text: 'Account' }), passwordForm, createElement('h3', { text: 'API tokens' }), tokens, tokenForm, status);
  panel.addEventListener('toggle', () => {
    if (panel.open) void run(refresh);
  });
  anchor.after(panel);
  return panel;
}
