// Sign-in and sign-out: even on a laptop the explorer needs a sign-in, the server answers nothing else
// without one. The one-time setup address (/setup#token=…) opens the form that creates the first admin.
import type { Session } from '../../../contract/api/session.ts';
import { ApiError, createFirstAdmin, fetchSession, login, logout } from '../api.ts';
import { requireElement, requirePart } from '../dom.ts';
import { mountAccountSettings } from './account-settings.ts';
import { type Panel, type PanelContext, panelLifetime } from './panel.ts';

/** Mounts on the sign-in section; a signed-in account opens `context.account` for the panels waiting on it. */
export function mountSession({ account }: PanelContext, loginSection: HTMLElement): Panel {
  const lifetime = panelLifetime();
  const { signal } = lifetime;
  const loginForm = requirePart(loginSection, 'login-form', HTMLFormElement);
  const loginError = requirePart(loginSection, 'login-error', HTMLElement);
  const accountLine = requireElement('account', HTMLElement);
  let settingsMounted = false;
  const signedIn = (session: Session) => {
    if (!settingsMounted) {
      // The account panel (password, API tokens) beside the signed-in line, gone with this panel.
      const settings = mountAccountSettings(accountLine);
      lifetime.defer(() => settings.remove());
      settingsMounted = true;
    }
    document.body.classList.remove('signed-out');
    document.body.dataset.role = session.user.role;
    loginSection.hidden = true;
    accountLine.hidden = false;
    requireElement('account-name', HTMLElement).textContent = `${session.user.username} (${session.user.role})`;
    account.signIn(session);
  };
  const setupSection = requireElement('setup', HTMLElement);
  const setupToken = location.pathname === '/setup' ? new URLSearchParams(location.hash.slice(1)).get('token') : null;
  const signedOut = () => {
    document.body.classList.add('signed-out');
    accountLine.hidden = true;
    if (setupToken) {
      setupSection.hidden = false;
      requirePart(setupSection, 'setup-username', HTMLInputElement).focus();
      return;
    }
    loginSection.hidden = false;
    requirePart(loginSection, 'login-username', HTMLInputElement).focus();
  };
  const setupForm = requirePart(setupSection, 'setup-form', HTMLFormElement);
  const setupError = requirePart(setupSection, 'setup-error', HTMLElement);
  setupForm.addEventListener(
    'submit',
    async (event) => {
      event.preventDefault();
      const data = new FormData(setupForm);
      setupError.textContent = '';
      if (data.get('password') !== data.get('repeat')) {
        setupError.textContent = 'The two passwords differ.';
        return;
      }
      try {
        const session = await createFirstAdmin(setupToken ?? '', String(data.get('username') ?? ''), String(data.get('password') ?? ''));
        // The address is used up: off the location bar and out of the history, where the token would linger.
        history.replaceState(null, '', '/');
        setupSection.hidden = true;
        setupForm.reset();
        signedIn(session);
      } catch (error) {
        setupError.textContent =
          error instanceof ApiError
            ? [error.message, ...error.errors.map((field) => `${field.field}: ${field.reason}`)].join(' ')
            : 'The server did not answer.';
      }
    },
    { signal },
  );
  loginForm.addEventListener(
    'submit',
    async (event) => {
      event.preventDefault();
      const data = new FormData(loginForm);
      loginError.textContent = '';
      try {
        signedIn(await login(String(data.get('username') ?? ''), String(data.get('password') ?? '')));
        loginForm.reset();
      } catch (error) {
        loginError.textContent = error instanceof ApiError ? error.message : 'The server did not answer.';
      }
    },
    { signal },
  );
  requireElement('logout', HTMLButtonElement).addEventListener(
    'click',
    async () => {
      await logout();
      location.reload();
    },
    { signal },
  );
  fetchSession().then(
    (session) => {
      if (signal.aborted) return;
      if (session) signedIn(session);
      else signedOut();
    },
    () => {
      if (!signal.aborted) signedOut();
    },
  );
  return { dispose: lifetime.dispose };
}
