// Parameters of read-view.cypher.
import { z } from 'zod';
import { VersionNumber, ViewId } from './view-params.ts';

export const params = z.object({ id: ViewId, version: VersionNumber.nullable() });
