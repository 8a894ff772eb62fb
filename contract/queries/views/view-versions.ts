// Parameters of view-versions.cypher.
import { z } from 'zod';
import { VersionRow, ViewId, ViewRecordRow } from './view-params.ts';
import { recordQuery } from '../define-query.ts';

const params = z.object({ id: ViewId, withDocuments: z.boolean() });

export const query = recordQuery({
  name: 'view-versions',
  params,
  row: z.object({ view: ViewRecordRow, versions: z.array(VersionRow.extend({ document: z.string().nullable() })) }),
});
