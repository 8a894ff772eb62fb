// The import routes as the browser calls them: the upload streams the file itself as the body.
import { z } from 'zod';
import {
  ImportHistoryEntry,
  ImportProgress,
  ImportReport,
  type InspectUploadBody,
  type MappingRequestBody,
  UploadAnswer,
  UploadInspection,
} from '../../../contract/api/imports.ts';
import { ResultEdge, ResultNode } from '../../../contract/result.ts';
import { ApiError, csrfHeader, isAbort, requestJson, toApiError } from '../api.ts';

export const PreviewAnswer = z.object({
  status: z.string(),
  report: ImportReport,
  elements: z.object({ nodes: z.array(ResultNode), edges: z.array(ResultEdge) }),
});
export type PreviewAnswer = z.infer<typeof PreviewAnswer>;

const JobStarted = z.object({ jobId: z.string(), progress: ImportProgress });

export async function uploadFile(file: File, signal?: AbortSignal): Promise<UploadAnswer> {
  let response: Response;
  try {
    response = await fetch('/api/imports/uploads', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name), accept: 'application/json', ...csrfHeader() },
      body: file,
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, 'Server unreachable', 'The upload did not reach the server.');
  }
  if (!response.ok) throw await toApiError(response);
  return UploadAnswer.parse(await response.json());
}

export const inspectUpload = (uploadId: string, options: InspectUploadBody) =>
  requestJson('POST', `/api/imports/uploads/${uploadId}/inspect`, UploadInspection, { body: options });

export const previewUpload = (uploadId: string, mapping: unknown, rows = 20) =>
  requestJson('POST', `/api/imports/uploads/${uploadId}/preview`, PreviewAnswer, { body: { mapping, rows } satisfies MappingRequestBody });

export const startJob = (uploadId: string, mapping: unknown, dryRun: boolean) =>
  requestJson('POST', `/api/imports/uploads/${uploadId}/jobs`, JobStarted, { body: { mapping, dryRun } satisfies MappingRequestBody });

export const jobProgress = (jobId: string, signal?: AbortSignal) => requestJson('GET', `/api/imports/jobs/${jobId}`, ImportProgress, { signal });

export const cancelJob = (jobId: string) => requestJson('POST', `/api/imports/jobs/${jobId}/cancel`, ImportProgress);

export const reportUrl = (jobId: string) => `/api/imports/jobs/${encodeURIComponent(jobId)}/report`;

export const importHistory = () => requestJson('GET', '/api/imports', z.object({ imports: z.array(ImportHistoryEntry) }));

export const undoImport = (importId: string) =>
  requestJson('POST', `/api/imports/${encodeURIComponent(importId)}/undo`, z.object({ deleted: z.number(), retracted: z.number() }));
