// graph-statistics.cypher takes no parameters.
import { z } from 'zod';

export const params = z.object({});
