// The import routes' part of the OpenAPI description (server/http/routes/imports.routes.ts).
import { z } from 'zod';
import {
  ImportHistoryEntry,
  ImportProgress,
  ImportReport,
  InspectUploadBody,
  MappingRequestBody,
  UploadAnswer,
  UploadInspection,
} from '../../contract/api/imports.ts';
import { type Operation, problem } from './openapi-types.ts';

const UploadId = z.uuid();

export function importOperations(): Operation[] {
  const refused = {
    400: problem('Bad input: `errors` names each field'),
    403: problem('Viewers cannot import'),
    404: problem('No such upload or job of yours'),
  };
  const upload = { id: UploadId };
  return [
    {
      method: 'post',
      path: '/api/imports/uploads',
      summary: 'Upload a file to import (the body is the file; X-File-Name names it)',
      tag: 'imports',
      responses: {
        201: {
          description: 'The file kept, as read (sheets, columns, first rows, a saved or proposed mapping), or why it cannot be read yet',
          schema: UploadAnswer,
        },
        ...refused,
        413: problem('Larger than IMPORT_UPLOAD_MAX_MB'),
      },
    },
    {
      method: 'post',
      path: '/api/imports/uploads/{id}/inspect',
      summary: 'Read an upload again with another sheet, header row, encoding or delimiter',
      tag: 'imports',
      pathParams: upload,
      body: InspectUploadBody,
      responses: { 200: { description: 'The file as read', schema: UploadInspection }, ...refused, 422: problem('The file cannot be read') },
    },
    {
      method: 'delete',
      path: '/api/imports/uploads/{id}',
      summary: 'Remove an upload',
      tag: 'imports',
      pathParams: upload,
      responses: { 204: { description: 'Removed' }, ...refused },
    },
    {
      method: 'post',
      path: '/api/imports/uploads/{id}/preview',
      summary: 'The first rows as graph elements, their problems and matches',
      tag: 'imports',
      pathParams: upload,
      body: MappingRequestBody,
      responses: { 200: { description: 'Status, report and elements' }, ...refused, 422: problem('The file cannot be read') },
    },
    {
      method: 'post',
      path: '/api/imports/uploads/{id}/jobs',
      summary: 'Check (dryRun) or import an upload in the background',
      tag: 'imports',
      pathParams: upload,
      body: MappingRequestBody,
      responses: { 202: { description: 'The job and its first progress' }, ...refused },
    },
    {
      method: 'get',
      path: '/api/imports/jobs/{id}',
      summary: "A job's progress (rows, rows/s, time left) and, when it ends, its report",
      tag: 'imports',
      pathParams: upload,
      responses: { 200: { description: 'Progress', schema: ImportProgress }, ...refused },
    },
    {
      method: 'post',
      path: '/api/imports/jobs/{id}/cancel',
      summary: 'Cancel a job; what it wrote is taken back',
      tag: 'imports',
      pathParams: upload,
      responses: { 200: { description: 'Progress', schema: ImportProgress }, ...refused },
    },
    {
      method: 'get',
      path: '/api/imports/jobs/{id}/report',
      summary: "A job's full report as CSV (or text with ?format=txt)",
      tag: 'imports',
      pathParams: upload,
      query: z.object({ format: z.enum(['csv', 'txt']).optional() }),
      responses: { 200: { description: 'The report', mediaType: 'text/csv', schema: z.string() }, ...refused },
    },
    {
      method: 'get',
      path: '/api/imports',
      summary: 'Import history: who, when, file, SHA-256, mapping, counts, duration, problems',
      tag: 'imports',
      responses: { 200: { description: 'Imports, newest first', schema: z.object({ imports: z.array(ImportHistoryEntry) }) }, ...refused },
    },
    {
      method: 'get',
      path: '/api/imports/{id}/report',
      summary: 'The report an import kept',
      tag: 'imports',
      pathParams: { id: z.string() },
      responses: { 200: { description: 'The report', schema: ImportReport }, ...refused },
    },
    {
      method: 'post',
      path: '/api/imports/{id}/undo',
      summary: 'Undo an import: what it alone asserted is deleted, what others also assert keeps its other sources (audited)',
      tag: 'imports',
      pathParams: { id: z.string() },
      responses: { 200: { description: 'Elements deleted and retracted' }, ...refused, 409: problem('Already undone, or other links hang on its nodes') },
    },
  ];
}
