// The schema statements take no parameters.
import { z } from 'zod';

export const params = z.object({});
