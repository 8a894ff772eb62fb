// The query panel: one form per curated query, built from its parameters' JSON Schema as GET /api/queries
// lists it. Nodes are picked by name (or from the selection), choices are shown in words, each
// parameter is explained, and a form missing its node says what to pick instead of sending.
import './query-panel.css';
import { displayOf, NodeLabel, RelationshipType, relationshipTypes } from '../../../contract/model.ts';
import type { EvidenceQueryName } from '../../../contract/queries/index.ts';
import { fetchQueries, isAbort, type ListedQuery } from '../api.ts';
import { createElement } from '../dom.ts';
import type { LayoutName } from '../graph/layouts.ts';
import { nodeName } from '../graph/to-elements.ts';
import { createNodePicker } from './node-picker.ts';
import { type Panel, type PanelContext, panelLifetime } from './panel.ts';
import type { FormParameters, QueryRunner } from './query-runner.ts';
import { describeError } from './status.ts';

type Schema = Record<string, unknown>;

/** How each query's answer reads best; any other query is drawn as an overview. */
const layoutOf: Partial<Record<EvidenceQueryName, LayoutName>> = {
  'chain-of-command': 'chain',
  'who-is-responsible': 'chain',
  'directive-propagation': 'cascade',
  'shortest-path': 'path',
  'all-shortest-paths': 'path',
};

/** Parameters that name nodes: filled from the nodes selected on the canvas, in the order they were selected. */
const nodeIdParameters = /^(id|fromId|toId|ids)$/;

/** Each parameter's name in words; a name not listed is spelled out from its camelCase. */
const parameterTitles: Record<string, string> = {
  id: 'Node',
  fromId: 'From',
  toId: 'To',
  ids: 'Nodes',
  types: 'Relationship types',
  direction: 'Direction',
  limit: 'At most',
  asOf: 'As of',
  maxDepth: 'Longest path (links)',
};

function parameterTitle(name: string): string {
  return parameterTitles[name] ?? name.replace(/([A-Z])/g, ' $1').replace(/^./, (first) => first.toUpperCase());
}

/** A listed choice in words: relationship types and kinds by the model's titles, directions plainly. */
const directionWords: Record<string, string> = { both: 'Both ways', out: 'Links it starts', in: 'Links that reach it' };
function choiceTitle(choice: string): string {
  if (RelationshipType.safeParse(choice).success) return relationshipTypes[choice as RelationshipType].title;
  if (NodeLabel.safeParse(choice).success) return displayOf(choice as NodeLabel).title;
  return directionWords[choice] ?? choice;
}

/** Lists the queries once an account is signed in: the server answers nothing before. */
export function mountQueryPanel({ workspace, runner, status, account, asOf }: PanelContext, container: HTMLElement): Panel {
  const lifetime = panelLifetime();
  const selected = () => workspace.cy.nodes(':selected').map((node) => node.id());
  const nameOf = (id: string) => {
    const node = workspace.result().nodes.find((candidate) => candidate.id === id);
    return node ? nodeName(node) : id;
  };
  const load = async () => {
    try {
      const queries = await fetchQueries(lifetime.signal);
      container.replaceChildren(...queries.map((query) => queryForm(query, { runner, selected, nameOf, asOf, signal: lifetime.signal })));
    } catch (error) {
      if (isAbort(error)) return;
      container.replaceChildren(createElement('p', { className: 'placeholder', text: `The query list did not load: ${describeError(error)}` }));
      status.set({ state: 'error', query: 'query', message: describeError(error) });
    }
  };
  void account.signedIn.then(() => {
    if (!lifetime.signal.aborted) void load();
  });
  return { dispose: lifetime.dispose };
}

interface FormContext {
  runner: QueryRunner;
  selected(): string[];
  nameOf(id: string): string;
  asOf(): string | undefined;
  /** The panel's lifetime: a form's request ends with it. */
  signal: AbortSignal;
}

function queryForm(query: ListedQuery, context: FormContext): HTMLDetailsElement {
  const properties = query.parameters.properties;
  const required = new Set(query.parameters.required);
  const fields = Object.entries(properties).map(([name, schema]) => parameterField(query.name, name, schema, required.has(name), context));
  const problem = createElement('p', { className: 'form-problem', attrs: { role: 'alert', id: `q-${query.name}-problem` } });
  const form = createElement('form', { className: 'query-form', attrs: { 'data-query': query.name, 'aria-describedby': problem.id } }, [
    ...fields.map((field) => field.element),
    problem,
    createElement('button', { text: 'Run', attrs: { type: 'submit' } }),
  ]);
  const hasNodeIds = fields.some((field) => nodeIdParameters.test(field.name));
  if (hasNodeIds) {
    const fill = createElement('button', { text: 'Use selected nodes', attrs: { type: 'button', 'data-action': 'use-selection' } });
    fill.addEventListener('click', () => fillFromSelection(fields, context.selected(), context.nameOf), { signal: context.signal });
    form.prepend(fill);
  }
  const timeAware = fields.some((field) => field.name === 'asOf');
  form.addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      // An empty node id is filled from the selection at run time, so a right-click then Run just works.
      if (hasNodeIds && fields.some((field) => nodeIdParameters.test(field.name) && field.value() === undefined))
        fillFromSelection(fields, context.selected(), context.nameOf);
      // Still no node: say what to pick, once, here, rather than send a request the server can only refuse.
      const missing = fields.filter((field) => required.has(field.name) && nodeIdParameters.test(field.name) && isEmpty(field.value()));
      problem.textContent =
        missing.length === 0
          ? ''
          : `Pick ${missing.map((field) => `“${parameterTitle(field.name)}”`).join(' and ')} first: type a name in the field and choose a match, or select the node on the graph (Shift+click adds a second).`;
      if (missing.length > 0) {
        missing[0]!.focus();
        return;
      }
      const params: FormParameters = Object.fromEntries(fields.map((field) => [field.name, field.value()]));
      // The slider's date, unless the form names one: keeps the drawing redrawable when the slider moves.
      if (timeAware && params.asOf === undefined) params.asOf = context.asOf();
      const layout = layoutOf[query.name] ?? 'overview';
      void context.runner.drawListed(query, params, { mode: 'replace', layout, doing: query.title, signal: context.signal });
    },
    { signal: context.signal },
  );
  return createElement('details', { className: 'query', attrs: { 'data-query': query.name } }, [
    createElement('summary', { text: query.title }),
    createElement('p', { className: 'query-description', text: query.description }),
    form,
  ]);
}

interface Field {
  name: string;
  element: HTMLElement;
  value(): unknown;
  set(value: string | string[]): void;
  focus(): void;
}

const isEmpty = (value: unknown) => value === undefined || (Array.isArray(value) && value.length === 0);

function fillFromSelection(fields: Field[], selected: string[], nameOf: (id: string) => string): void {
  const queue = [...selected];
  for (const field of fields) {
    if (field.name === 'ids') field.set(queue.splice(0));
    else if (nodeIdParameters.test(field.name) && queue.length > 0) {
      const id = queue.shift()!;
      field.set([id, nameOf(id)]);
    }
  }
}

function parameterField(queryName: string, name: string, schema: Schema, required: boolean, context: FormContext): Field {
  const id = `q-${queryName}-${name}`;
  const description = typeof schema.description === 'string' ? schema.description : '';
  const label = createElement('label', { text: `${parameterTitle(name)}${required ? '' : ' (optional)'}`, attrs: { for: id } });
  const explanation = createElement('small', { text: description, attrs: { id: `${id}-help` } });
  const wrap = (control: HTMLElement) => {
    (control.querySelector('input, select') ?? control).setAttribute('aria-describedby', explanation.id);
    return createElement('div', { className: 'query-field' }, [label, control, explanation]);
  };
  // A single node: picked by name from the matches, or from the selection ([id, name]).
  if (nodeIdParameters.test(name) && schema.type !== 'array') {
    const picker = createNodePicker(id, name, context.signal);
    return {
      name,
      element: wrap(picker.element),
      value: () => picker.value(),
      set: (value) => {
        const [nodeId = '', nodeLabel = nodeId] = [value].flat();
        picker.pick(nodeId, nodeLabel);
      },
      focus: () => picker.input.focus(),
    };
  }
  const items = (schema.items ?? {}) as Schema;
  const choices = (Array.isArray(schema.enum) ? schema.enum : Array.isArray(items.enum) ? items.enum : null) as string[] | null;

  if (schema.type === 'array' && choices) {
    const select = createElement(
      'select',
      { attrs: { id, name, multiple: '', size: String(Math.min(choices.length, 6)) } },
      choices.map((choice) => createElement('option', { text: choiceTitle(choice), attrs: { value: choice } })),
    );
    return {
      name,
      element: wrap(select),
      focus: () => select.focus(),
      value: () => [...select.selectedOptions].map((option) => option.value),
      set: (value) => {
        for (const option of select.options) option.selected = [value].flat().includes(option.value);
      },
    };
  }
  if (choices) {
    const select = createElement(
      'select',
      { attrs: { id, name } },
      choices.map((choice) => createElement('option', { text: choiceTitle(choice), attrs: { value: choice } })),
    );
    if (typeof schema.default === 'string') select.value = schema.default;
    return { name, element: wrap(select), focus: () => select.focus(), value: () => select.value, set: (value) => (select.value = String(value)) };
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    const attrs: Record<string, string> = { id, name, type: 'number', step: schema.type === 'integer' ? '1' : 'any' };
    if (typeof schema.minimum === 'number') attrs.min = String(schema.minimum);
    if (typeof schema.maximum === 'number') attrs.max = String(schema.maximum);
    if (typeof schema.default === 'number') attrs.placeholder = String(schema.default);
    const input = createElement('input', { attrs });
    return {
      name,
      element: wrap(input),
      focus: () => input.focus(),
      value: () => (input.value === '' ? undefined : Number(input.value)),
      set: (value) => (input.value = String(value)),
    };
  }
  const isDate = name === 'asOf' || schema.format === 'date' || JSON.stringify(schema).includes('"format":"date"');
  const isList = schema.type === 'array';
  const input = createElement('input', {
    attrs: { id, name, type: isDate ? 'date' : 'text', autocomplete: 'off', spellcheck: 'false', ...(isList ? { placeholder: 'comma-separated' } : {}) },
  });
  return {
    name,
    element: wrap(input),
    focus: () => input.focus(),
    value: () => {
      const text = input.value.trim();
      if (text === '') return undefined;
      return isList
        ? text
            .split(',')
            .map((part) => part.trim())
            .filter(Boolean)
        : text;
    },
    set: (value) => (input.value = [value].flat().join(', ')),
  };
}
