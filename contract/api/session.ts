// Who is signed in, as GET /api/auth/session and POST /api/auth/login answer: the user, their role,
// and the CSRF token every state-changing request must carry.
import { z } from 'zod';

/** What an account may do: viewers explore with redaction, analysts see the evidence and save views, admins run the server. */
export const Role = z.enum(['viewer', 'analyst', 'admin']);
export type Role = z.infer<typeof Role>;

export const SessionUser = z.object({ id: z.string(), username: z.string(), role: Role });
export type SessionUser = z.infer<typeof SessionUser>;

export const Session = z.object({
  user: SessionUser,
  /** Null for an API token (a Bearer credential needs no CSRF token). */
  csrfToken: z.string().nullable(),
});
export type Session = z.infer<typeof Session>;
