// Parameter schemas shared by the account and session queries.
import { z } from 'zod';
import { Role } from '../../api/session.ts';

/** A user's id: a random UUID, never the user name, so renaming never orphans a view or an audit entry. */
export const UserId = z.uuid('must be a user id (a UUID)');

export const Username = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9_.@-]+$/, 'may hold only letters, digits, "_", ".", "@" and "-"');

/** A user name lower-cased: what sign-in matches and the uniqueness constraint holds, so "Alice" and "alice" are one account. */
export const UsernameKey = z
  .string()
  .min(1)
  .max(200)
  .refine((key) => key === key.toLowerCase(), 'must be lower-case');

/** A SHA-256 hex digest: sessions and API tokens are stored only as their hash. */
export const TokenHash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest');

export const SessionKind = z.enum(['cookie', 'token']);

/** Milliseconds since the epoch: compared as integers, whatever the database's time zone. */
export const EpochMs = z.number().int().min(0);

/** A user as sessions and sign-in read it. */
export const UserRow = z.object({ id: UserId, username: z.string(), role: Role });

/** A user as the account list shows it; `createdAt` as Neo4j writes a date-time. */
export const UserRecordRow = UserRow.extend({ disabled: z.boolean(), createdAt: z.string() });
