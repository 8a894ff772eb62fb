// Import in the browser, for analysts and admins: upload a file, pick its sheet or encoding, map its
// columns (mapping-editor.ts), preview the first rows as graph elements with their matches, check the
// whole file (the report, downloadable), import it with a progress bar and a cancel button, and undo
// an import from the history. The dialog's data-state says which step it is at, for people and tests.
import type { ImportProgress, ImportReport, UploadInspection } from '../../../contract/api/imports.ts';
import { placeOf } from '../../../contract/api/imports.ts';
import { ApiError } from '../api.ts';
import { createElement, requirePart } from '../dom.ts';
import type { MountPanel, Panel } from '../panels/panel.ts';
import { panelLifetime } from '../panels/panel.ts';
import { cancelJob, importHistory, inspectUpload, jobProgress, previewUpload, reportUrl, startJob, undoImport, uploadFile } from './import-api.ts';
import { mountMappingEditor, type MappingEditor } from './mapping-editor.ts';
import { drawPreview } from './preview-canvas.ts';

const RUNNING = new Set(['reading', 'validating', 'writing']);
/** States in which the dialog is waiting on the server: no second preview, check or import is started. */
const BUSY = new Set(['uploading', 'reading', 'previewing', 'checking', 'importing', ...RUNNING]);

function describeProgress(progress: ImportProgress): string {
  const rows = progress.totalRows
    ? `${progress.rows.toLocaleString('en')} of ${progress.totalRows.toLocaleString('en')} rows`
    : `${progress.rows.toLocaleString('en')} rows`;
  const left = progress.secondsLeft === null ? '' : ` · ${Math.ceil(progress.secondsLeft)} s left`;
  return `${progress.state}: ${rows} · ${progress.rowsPerSecond.toLocaleString('en')} rows/s${left}`;
}

function reportView(report: ImportReport): HTMLElement[] {
  const { counts } = report;
  const summary = createElement('p', {
    attrs: { id: 'import-summary' },
    text: `${report.rows.toLocaleString('en')} rows read (${report.encoding}${report.sheet ? `, sheet ${report.sheet}` : ''}), ${report.keptRows.toLocaleString('en')} kept. Created ${counts.nodesCreated} nodes, merged ${counts.nodesMerged} into existing ones; ${counts.possibleMatches} possible matches to review.${report.columns.kept.length ? ` Kept as raw properties: ${report.columns.kept.join(', ')}.` : ''}${report.columns.dropped.length ? ` Dropped on purpose: ${report.columns.dropped.join(', ')}.` : ''}`,
  });
  const entries = createElement(
    'ul',
    { className: 'import-entries', attrs: { id: 'import-entries' } },
    report.entries.map((entry) => createElement('li', { className: `entry-${entry.severity}`, text: `${placeOf(entry)} ${entry.field}: ${entry.reason}` })),
  );
  const matches = createElement(
    'ul',
    { className: 'import-matches', attrs: { id: 'import-matches' } },
    report.matches.map((match) =>
      createElement('li', {
        attrs: { 'data-verdict': match.verdict },
        text: `${match.name}: ${match.verdict === 'same' ? 'same as' : `possible match (${match.score.toFixed(2)}) for`} ${match.existingName} (${match.existingId}): ${match.reasons.join('; ')}`,
      }),
    ),
  );
  return [summary, entries, matches];
}

export const mountImport: MountPanel<HTMLDialogElement> = (context, dialog): Panel => {
  const lifetime = panelLifetime();
  const { signal } = lifetime;
  const opener = requirePart(document.body, 'import-open', HTMLButtonElement);
  dialog.replaceChildren();
  const heading = createElement('h2', { text: 'Import a file', attrs: { id: 'import-title' } });
  const close = createElement('button', { text: 'Close', attrs: { type: 'button', id: 'import-close' } });
  const fileInput = createElement('input', { attrs: { type: 'file', id: 'import-file', accept: '.csv,.tsv,.txt,.xlsx,.json,.jsonl,.ndjson' } });
  const readOptions = createElement('div', { className: 'import-read', attrs: { id: 'import-read' } });
  const problem = createElement('p', { className: 'import-problem', attrs: { id: 'import-problem', role: 'alert' } });
  const editorRoot = createElement('div', { className: 'import-editor', attrs: { id: 'import-editor' } });
  const mappingFile = createElement('input', {
    attrs: { type: 'file', id: 'import-mapping-file', accept: '.yaml,.yml,.json', 'aria-label': 'Load a mapping file' },
  });
  const previewButton = createElement('button', { text: 'Preview first rows', attrs: { type: 'button', id: 'import-preview' } });
  const checkButton = createElement('button', { text: 'Check the whole file', attrs: { type: 'button', id: 'import-check' } });
  const importButton = createElement('button', { text: 'Import', attrs: { type: 'button', id: 'import-run' } });
  const cancelButton = createElement('button', { text: 'Cancel import', attrs: { type: 'button', id: 'import-cancel', hidden: '' } });
  const canvas = createElement('div', { className: 'import-preview-canvas', attrs: { id: 'import-preview-canvas' } });
  const progressBar = createElement('progress', { attrs: { id: 'import-progress', max: '1', value: '0' } });
  const progressText = createElement('p', { attrs: { id: 'import-progress-text', 'aria-live': 'polite' } });
  const report = createElement('section', { className: 'import-report', attrs: { id: 'import-report', 'aria-label': 'Report' } });
  const download = createElement('a', { text: 'Download the report (CSV)', attrs: { id: 'import-download', hidden: '' } });
  const history = createElement('ul', { className: 'import-history', attrs: { id: 'import-history' } });
  dialog.append(
    heading,
    close,
    createElement('label', { text: 'File: ' }, [fileInput]),
    readOptions,
    problem,
    createElement('label', { text: 'Or load a mapping: ' }, [mappingFile]),
    editorRoot,
    createElement('div', { className: 'import-actions' }, [previewButton, checkButton, importButton, cancelButton]),
    canvas,
    progressBar,
    progressText,
    download,
    report,
    createElement('h3', { text: 'Imports so far' }),
    history,
  );

  let uploadId: string | null = null;
  let editor: MappingEditor | null = null;
  let jobId: string | null = null;
  const actions = [previewButton, checkButton, importButton];
  // Preview, check and import act on the file read as the editor shows it: none while there is no
  // such file (an unreadable one waits for its encoding; the editor may still be an earlier file's).
  /** The encoding field on the page, if one is: a failed job's guess goes into it, and its button follows the dialog's state. */
  let encodingField: { offer(guess: string): void; refresh(): void } | null = null;
  const setState = (state: string) => {
    dialog.dataset.state = state;
    for (const button of actions) button.disabled = editor === null || state === 'unreadable' || BUSY.has(state);
    // Nor is the file read again while it is being read, checked or imported (the job's end would
    // then land on the file read anew).
    for (const control of readOptions.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) control.disabled = BUSY.has(state);
    encodingField?.refresh();
  };
  const fail = (error: unknown) => {
    problem.textContent =
      error instanceof ApiError
        ? `${error.message}${error.errors.length ? `: ${error.errors.map((e) => `${e.field} ${e.reason}`).join('; ')}` : ''}`
        : String(error);
    setState('failed');
  };
  const mapping = () => {
    const current = editor?.current();
    if (!current) problem.textContent = 'The mapping has problems: see beside it.';
    return current ?? null;
  };

  /** The columns the editor maps: a file read again with the same columns keeps the analyst's mapping. */
  let shownColumns: readonly string[] = [];
  const showInspection = (inspection: UploadInspection, kept = false) => {
    problem.textContent = '';
    readOptions.replaceChildren();
    if (inspection.sheets.length > 1) {
      const sheet = createElement(
        'select',
        { attrs: { id: 'import-sheet', 'aria-label': 'Sheet' } },
        inspection.sheets.map((name) => createElement('option', { text: name, attrs: { value: name } })),
      );
      sheet.value = inspection.sheet ?? inspection.sheets[0]!;
      sheet.addEventListener('change', () => void reinspect({ sheet: sheet.value }), { signal });
      readOptions.append(createElement('label', { text: 'Sheet: ' }, [sheet]));
    }
    readOptions.append(
      createElement('p', { text: `${inspection.fileName}: ${inspection.format}, ${inspection.encoding}, ${inspection.columns.length} columns.` }),
    );
    // A text read in the wrong encoding may still read (Big5 as GB18030), and a bad byte may lie past
    // what the inspection read: the field stays, to read the file again in another.
    encodingField = null;
    if (inspection.format !== 'xlsx') readOptions.append(...showEncodingField(null));
    shownColumns = inspection.columns;
    editor = mountMappingEditor(editorRoot, inspection, signal, kept);
    setState('inspected');
  };
  /** The encoding field and its button; reading again waits for a name (an empty one is no encoding) and for nothing to run. */
  const showEncodingField = (guess: string | null): HTMLElement[] => {
    const encoding = createElement('input', { attrs: { id: 'import-encoding', placeholder: 'GB18030', 'aria-label': 'Encoding' } });
    encoding.value = guess ?? '';
    const read = createElement('button', { text: 'Read in this encoding', attrs: { type: 'button', id: 'import-reread' } });
    const named = () => {
      read.disabled = encoding.value.trim() === '' || BUSY.has(dialog.dataset.state ?? '');
    };
    named();
    encodingField = {
      offer(offered) {
        encoding.value = offered;
        named();
      },
      refresh: named,
    };
    encoding.addEventListener('input', named, { signal });
    read.addEventListener('click', () => void reinspect({ encoding: encoding.value.trim() }), { signal });
    return [createElement('label', { text: 'Encoding: ' }, [encoding]), read];
  };
  const reinspect = async (options: { sheet?: string; encoding?: string }) => {
    if (!uploadId) return;
    // The analyst's mapping, as written and as checked (null while it has problems).
    const written = editor?.text() ?? null;
    const mapped = editor?.current() ?? null;
    const columns = shownColumns;
    setState('reading');
    try {
      const inspection = await inspectUpload(uploadId, options);
      const same = written !== null && columns.length === inspection.columns.length && columns.every((column, index) => column === inspection.columns[index]);
      if (!same) return showInspection(inspection);
      // The same columns read another way: the analyst's mapping stays, with only what was chosen now changed.
      if (mapped) return showInspection({ ...inspection, mapping: { ...mapped, source: { ...mapped.source, ...options } } }, true);
      showInspection(inspection, true);
      editor?.load(written);
      problem.textContent = `Your mapping has problems, so it is kept as written: give it the reading chosen now (source: ${JSON.stringify(options)}).`;
    } catch (error) {
      fail(error);
    }
  };

  fileInput.addEventListener(
    'change',
    async () => {
      const file = fileInput.files?.[0];
      if (!file) return;
      editor = null;
      editorRoot.replaceChildren();
      setState('uploading');
      report.replaceChildren();
      try {
        const answer = await uploadFile(file, signal);
        uploadId = answer.uploadId;
        if (answer.inspection) showInspection(answer.inspection);
        else {
          problem.textContent = answer.problem ?? '';
          readOptions.replaceChildren(...showEncodingField(answer.encodingGuess));
          setState('unreadable');
        }
      } catch (error) {
        fail(error);
      }
    },
    { signal },
  );
  mappingFile.addEventListener('change', async () => void editor?.load((await mappingFile.files?.[0]?.text()) ?? ''), { signal });

  previewButton.addEventListener(
    'click',
    async () => {
      const current = mapping();
      if (!uploadId || !current) return;
      setState('previewing');
      try {
        const answer = await previewUpload(uploadId, current);
        report.replaceChildren(...reportView(answer.report));
        drawPreview(canvas, answer.elements);
        setState('previewed');
      } catch (error) {
        fail(error);
      }
    },
    { signal },
  );

  const follow = async (id: string) => {
    jobId = id;
    cancelButton.hidden = false;
    for (;;) {
      const progress = await jobProgress(id, signal);
      progressBar.max = progress.totalRows ?? Math.max(progress.rows, 1);
      progressBar.value = progress.rows;
      progressText.textContent = describeProgress(progress);
      if (!RUNNING.has(progress.state)) {
        cancelButton.hidden = true;
        if (progress.report) report.replaceChildren(...reportView(progress.report));
        if (progress.message) problem.textContent = progress.message;
        if (progress.encodingGuess) encodingField?.offer(progress.encodingGuess);
        download.href = reportUrl(id);
        download.hidden = !progress.report;
        setState(progress.state);
        if (progress.state === 'complete') void refreshHistory();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
  };
  const run = (dryRun: boolean) => async () => {
    const current = mapping();
    if (!uploadId || !current) return;
    setState(dryRun ? 'checking' : 'importing');
    try {
      await follow((await startJob(uploadId, current, dryRun)).jobId);
    } catch (error) {
      fail(error);
    }
  };
  checkButton.addEventListener('click', run(true), { signal });
  importButton.addEventListener('click', run(false), { signal });
  cancelButton.addEventListener('click', () => void (jobId && cancelJob(jobId).catch(fail)), { signal });

  const refreshHistory = async () => {
    const { imports } = await importHistory();
    history.replaceChildren(
      ...imports.map((entry) => {
        const undo = createElement('button', { text: 'Undo', attrs: { type: 'button', 'data-import': entry.id } });
        undo.disabled = entry.status !== 'complete';
        undo.addEventListener(
          'click',
          async () => {
            if (undo.dataset.confirm !== 'yes') {
              undo.dataset.confirm = 'yes';
              undo.textContent = 'Confirm undo';
              return;
            }
            try {
              const outcome = await undoImport(entry.id);
              progressText.textContent = `Undone: ${outcome.deleted} deleted, ${outcome.retracted} kept for their other sources.`;
              setState('undone');
              void refreshHistory();
            } catch (error) {
              fail(error);
            }
          },
          { signal },
        );
        const counts = entry.counts ? `${entry.counts.nodesCreated} created, ${entry.counts.nodesMerged} merged` : '';
        return createElement('li', { attrs: { 'data-status': entry.status } }, [
          createElement('span', {
            text: `${entry.fileName} · ${entry.mappingName ?? 'bundle'} · ${entry.importedBy} · ${entry.startedAt ?? ''} · ${entry.status} · ${counts} · sha256 ${entry.checksum.slice(0, 12)}…`,
          }),
          undo,
        ]);
      }),
    );
  };

  opener.addEventListener(
    'click',
    () => {
      dialog.showModal();
      setState('idle');
      void refreshHistory().catch(fail);
    },
    { signal },
  );
  close.addEventListener('click', () => dialog.close(), { signal });
  // Viewers cannot import: the server refuses them, and the page does not offer it.
  void context.account.signedIn.then((session) => {
    opener.hidden = session.user.role === 'viewer';
  });
  return { dispose: () => lifetime.dispose() };
};
