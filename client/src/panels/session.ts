// Sign-in and sign-out: even on a laptop the explorer needs a sign-in, the server answers nothing else without one.
import type { Session } from '../../../contract/api/session.ts';
import { ApiError, fetchSession, login, logout } from '../api.ts';
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
  const signedOut = () => {
    document.body.classList.add('signed-out');
    loginSection.hidden = false;
    accountLine.hidden = true;
    requirePart(loginSection, 'login-username', HTMLInputElement).focus();
  };
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
