// passwordProblem(): length plus zxcvbn's check against common and guessable passwords.
import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-rules.ts';

describe('passwordProblem', () => {
  it('accepts long passphrases', async () => {
    expect(await passwordProblem('correct horse battery staple')).toBeNull();
    expect(await passwordProblem('a long enough password')).toBeNull();
  });

  it('refuses short, blank, common and patterned passwords, saying why', async () => {
    expect(await passwordProblem('short')).toMatch(/at least 12 characters/);
    expect(await passwordProblem(' '.repeat(12))).toMatch(/only spaces/);
    expect(await passwordProblem('password1234')).toMatch(/common password/);
    expect(await passwordProblem('123456789012')).toMatch(/common/);
    expect(await passwordProblem('aaaaaaaaaaaa')).toMatch(/repeats/);
    expect(await passwordProblem('x'.repeat(1001))).toMatch(/at most 1000/);
  });

  it('refuses a password made of the account name', async () => {
    expect(await passwordProblem('nurgul.tursun-2019')).toBeNull();
    expect(await passwordProblem('nurgul.tursun-2019', ['nurgul.tursun-2019'])).not.toBeNull();
  });
});
