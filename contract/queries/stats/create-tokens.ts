// Parameters of create-tokens.cypher: the names Neo4j reported unknown while the warm-up planned.
import { z } from 'zod';
import { recordQuery } from '../define-query.ts';

const names = z.array(z.string().min(1).max(200)).max(2_000);

const params = z.object({ labels: names, relationshipTypes: names, propertyKeys: names });

export const query = recordQuery({ name: 'create-tokens', params, row: z.object({ named: z.number().int() }) });
