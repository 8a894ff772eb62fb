// Parameters of chain-ceilings.cypher.
import { z } from 'zod';
import { AsOf, EntityId } from '../params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({ id: EntityId, asOf: AsOf });

/** The ceilings of chain-of-command.cypher, as its answer names them. */
export const CHAIN_CEILINGS = { reporting: 8, subordination: 10 } as const;

export const query = recordQuery({ name: 'chain-ceilings', params, row: z.object({ reporting: z.boolean(), subordination: z.boolean() }) });
