// The mapping editor: a kind for the file's rows and a property (or "keep", or "drop") for each
// column, proposed from the header and the sample; the whole mapping as YAML beside it, for what the
// table cannot say (links, several entities, dates, value maps). The YAML is the mapping: the table
// writes into it, and a mapping file the analyst loads replaces it.
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { upgradeMapping, type MappingDocument } from '../../../contract/api/import-mapping.ts';
import type { UploadInspection } from '../../../contract/api/imports.ts';
import { columnsOf } from '../../../contract/import/model-columns.ts';
import { NodeKind, PersonRole } from '../../../contract/model.ts';
import { createElement } from '../dom.ts';

export interface MappingEditor {
  /** The mapping as checked, or null with the reasons shown beside the YAML. */
  current(): MappingDocument | null;
  /** Replaces the mapping (a file the analyst loaded). */
  load(text: string): void;
  /** The mapping as written, problems and all. */
  text(): string;
}

const KINDS = [...NodeKind.options, ...PersonRole.options];
const KEEP = '(keep as raw_ property)';
const DROP = '(drop on purpose)';

type Draft = {
  entities?: Record<string, { kind?: string; key?: string[]; properties?: Record<string, unknown> }>;
  unmapped?: { keep?: unknown; drop?: string[] };
} & Record<string, unknown>;

function columnOf(source: unknown): string | undefined {
  return typeof source === 'string' ? source : ((source as { column?: string } | null)?.column ?? undefined);
}

/** `kept`: the analyst's own mapping, kept when the file was read again (`inspection.mapping` holds it). */
export function mountMappingEditor(root: HTMLElement, inspection: UploadInspection, signal: AbortSignal, kept = false): MappingEditor {
  root.replaceChildren();
  const yaml = createElement('textarea', {
    className: 'import-yaml',
    attrs: { id: 'import-yaml', rows: '16', spellcheck: 'false', 'aria-label': 'Mapping (YAML)' },
  });
  const problems = createElement('ul', { className: 'import-mapping-problems', attrs: { id: 'import-mapping-problems', role: 'alert' } });
  const kind = createElement(
    'select',
    { attrs: { id: 'import-kind', 'aria-label': 'Each row is' } },
    KINDS.map((name) => createElement('option', { text: name, attrs: { value: name } })),
  );
  const table = createElement('table', { className: 'import-columns' });
  let draft: Draft = structuredClone(inspection.mapping) as Draft;
  let checked: MappingDocument | null = null;

  const first = () => Object.values(draft.entities ?? {})[0];
  const check = () => {
    problems.replaceChildren();
    try {
      checked = upgradeMapping(draft);
    } catch (error) {
      checked = null;
      const issues = error instanceof z.ZodError ? error.issues.map((issue) => `${issue.path.join('.') || '(mapping)'}: ${issue.message}`) : [String(error)];
      problems.append(...issues.map((text) => createElement('li', { text })));
    }
    root.dataset.valid = String(checked !== null);
  };
  const writeYaml = () => {
    yaml.value = stringify(draft);
    check();
  };

  const renderTable = () => {
    const entity = first();
    const properties = entity?.properties ?? {};
    const options = entity?.kind ? columnsOf(entity.kind as never).filter((column) => !['id', 'sources', 'confidence', 'synthetic'].includes(column.name)) : [];
    const rows = inspection.columns.map((column) => {
      const current = Object.entries(properties).find(([, source]) => columnOf(source) === column)?.[0];
      const dropped = draft.unmapped?.drop?.includes(column);
      const select = createElement('select', { attrs: { 'aria-label': `Column ${column}`, 'data-column': column } }, [
        createElement('option', { text: DROP, attrs: { value: DROP } }),
        createElement('option', { text: KEEP, attrs: { value: KEEP } }),
        ...options.map((option) => createElement('option', { text: `${option.name}${option.required ? ' *' : ''}`, attrs: { value: option.name } })),
      ]);
      select.value = current ?? (dropped ? DROP : KEEP);
      select.addEventListener(
        'change',
        () => {
          const target = first();
          if (!target) return;
          target.properties = Object.fromEntries(Object.entries(target.properties ?? {}).filter(([, source]) => columnOf(source) !== column));
          const drop = (draft.unmapped?.drop ?? []).filter((name) => name !== column);
          if (select.value === DROP) drop.push(column);
          else if (select.value !== KEEP) target.properties[select.value] = column;
          const alias = Object.keys(draft.entities ?? {})[0]!;
          draft.unmapped = { ...(draft.unmapped ?? {}), drop, ...(select.value === KEEP && { keep: { on: alias, prefix: 'raw_' } }) };
          writeYaml();
        },
        { signal },
      );
      const sample = inspection.sample
        .slice(0, 3)
        .map((row) => String(row[column] ?? ''))
        .join(' · ');
      return createElement('tr', {}, [
        createElement('th', { text: column, attrs: { scope: 'row' } }),
        createElement('td', { text: sample }),
        createElement('td', {}, [select]),
      ]);
    });
    table.replaceChildren(
      createElement(
        'tr',
        {},
        ['Column', 'First values', 'Property'].map((text) => createElement('th', { text, attrs: { scope: 'col' } })),
      ),
      ...rows,
    );
  };

  kind.value = first()?.kind ?? 'Person';
  kind.addEventListener(
    'change',
    () => {
      const entity = first();
      if (entity) entity.kind = kind.value;
      renderTable();
      writeYaml();
    },
    { signal },
  );
  yaml.addEventListener(
    'input',
    () => {
      try {
        draft = (parse(yaml.value) ?? {}) as Draft;
      } catch (error) {
        checked = null;
        problems.replaceChildren(createElement('li', { text: `not valid YAML: ${(error as Error).message.split('\n')[0]}` }));
        root.dataset.valid = 'false';
        return;
      }
      kind.value = first()?.kind ?? kind.value;
      renderTable();
      check();
    },
    { signal },
  );

  root.append(
    createElement('p', {
      className: 'import-origin',
      text: kept
        ? 'Your mapping, kept: the file read again has the same columns.'
        : inspection.mappingOrigin === 'saved'
          ? 'A mapping saved for this header is offered again.'
          : 'A mapping proposed from the header and the first rows: check each column.',
    }),
    createElement('label', { text: 'Each row is ' }, [kind]),
    table,
    createElement('details', { attrs: { open: '' } }, [
      createElement('summary', { text: 'The mapping (YAML): links, dates, value maps, provenance' }),
      yaml,
      problems,
    ]),
  );
  renderTable();
  writeYaml();
  return {
    current: () => checked,
    load(text) {
      yaml.value = text;
      yaml.dispatchEvent(new Event('input'));
    },
    text: () => yaml.value,
  };
}
