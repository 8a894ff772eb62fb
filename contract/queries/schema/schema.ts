// The schema statements take no parameters.
import { z } from 'zod';
import { schemaQuery } from '../define-query.ts';

const params = z.object({});

export const query = schemaQuery({ name: 'schema', params });
