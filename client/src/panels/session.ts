// Sign-in and sign-out: even on a laptop the explorer needs a sign-in, the server answers nothing else without one.
import type { Session } from '../../../contract/api/session.ts';
import { ApiError, fetchSession, login, logout } from '../api.ts';
import { requireElement } from '../dom.ts';

export function mountSession(onSignedIn: (session: Session) => void = () => {}): void {
  const loginSection = requireElement('login', HTMLElement);
  const loginForm = requireElement('login-form', HTMLFormElement);
  const loginError = requireElement('login-error', HTMLElement);
  const account = requireElement('account', HTMLElement);
  const signedIn = (session: Session) => {
    document.body.classList.remove('signed-out');
    document.body.dataset.role = session.user.role;
    loginSection.hidden = true;
    account.hidden = false;
    requireElement('account-name', HTMLElement).textContent = `${session.user.username} (${session.user.role})`;
    onSignedIn(session);
  };
  const signedOut = () => {
    document.body.classList.add('signed-out');
    loginSection.hidden = false;
    account.hidden = true;
    requireElement('login-username', HTMLInputElement).focus();
  };
  loginForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(loginForm);
    loginError.textContent = '';
    try {
      signedIn(await login(String(data.get('username') ?? ''), String(data.get('password') ?? '')));
      loginForm.reset();
    } catch (error) {
      loginError.textContent = error instanceof ApiError ? error.message : 'The server did not answer.';
    }
  });
  requireElement('logout', HTMLButtonElement).addEventListener('click', async () => {
    await logout();
    location.reload();
  });
  fetchSession().then(
    (session) => (session ? signedIn(session) : signedOut()),
    () => signedOut(),
  );
}
