// What /api/auth answers about one's own account: API tokens (listed without their secrets, the secret
// shown once when made) and a password change.
import { z } from 'zod';

export const TokenInfo = z.object({ id: z.string(), label: z.string().nullable(), createdAt: z.string(), expiresAt: z.string() });
export type TokenInfo = z.infer<typeof TokenInfo>;

export const TokenList = z.object({ tokens: z.array(TokenInfo) });

/** The one answer that carries a token's secret: the server keeps only its hash. */
export const IssuedToken = z.object({ id: z.string(), label: z.string(), token: z.string(), expiresAt: z.string() });

/** How many other sessions and API tokens of the account the change ended. */
export const PasswordChanged = z.object({ endedSessions: z.number().int() });
