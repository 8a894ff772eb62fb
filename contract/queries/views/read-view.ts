// Parameters of read-view.cypher.
import { z } from 'zod';
import { VersionNumber, VersionRow, ViewId, ViewRecordRow } from './view-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({ id: ViewId, version: VersionNumber.nullable() });

export const query = recordQuery({
  name: 'read-view',
  params,
  row: z.object({ view: ViewRecordRow, version: VersionRow.extend({ document: z.string() }).nullable() }),
});
