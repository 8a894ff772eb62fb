// Password hashing with argon2id (@node-rs/argon2, its default algorithm and parameters).
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Hashed once, so a login for an unknown user costs one verification, like a known one's. */
let decoy: Promise<string> | undefined;

/** True when the password matches; with no stored hash it still verifies (against a decoy) and answers false. */
export async function checkPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (storedHash === null) {
    decoy ??= hash('decoy password that no account has');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
