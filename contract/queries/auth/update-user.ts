// Parameters of update-user.cypher.
import { z } from 'zod';
import { Role, UserId } from './auth-params.ts';

export const params = z.object({ id: UserId, role: Role.nullable(), disabled: z.boolean().nullable() });
