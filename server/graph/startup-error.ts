// An error that stops start-up with one line an operator can act on; main.ts prints only its message.
export class StartupError extends Error {
  override name = 'StartupError';
}
