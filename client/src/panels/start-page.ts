// The start page, over the empty canvas after sign-in: what the graph holds (graph-statistics), the
// analyst's recent views and views shared by colleagues, and example questions that run with a click.
// It steps aside as soon as something is drawn, and comes back when the canvas is emptied.
import type { Session } from '../../../contract/api/session.ts';
import { displayOf, kindOf, type NodeLabel } from '../../../contract/model.ts';
import type { ResultNode } from '../../../contract/result.ts';
import { runQuery } from '../api.ts';
import { createElement } from '../dom.ts';
import { nodeName } from '../graph/to-elements.ts';
import { listViews } from '../views/views-api.ts';
import { type Panel, type PanelContext, panelLifetime } from './panel.ts';
import { describeError } from './status.ts';

/** The kinds counted on the start page, in the order an analyst thinks of them. */
const countedKinds: NodeLabel[] = ['Official', 'Guard', 'Detainee', 'Organization', 'Facility', 'Directive', 'Sanction', 'Document'];
const viewsShown = 5;

export function mountStartPage(context: PanelContext, page: HTMLElement): Panel {
  const { workspace } = context;
  const lifetime = panelLifetime();
  const { signal } = lifetime;
  const holds = createElement('section', { className: 'start-holds', attrs: { 'aria-labelledby': 'start-holds-title' } }, [
    createElement('h3', { text: 'What the graph holds', attrs: { id: 'start-holds-title' } }),
    createElement('p', { className: 'placeholder', text: 'Counting…' }),
  ]);
  const questions = createElement('section', { className: 'start-questions', attrs: { 'aria-labelledby': 'start-questions-title' } }, [
    createElement('h3', { text: 'Questions to start from', attrs: { id: 'start-questions-title' } }),
  ]);
  const views = createElement('section', { className: 'start-views', attrs: { 'aria-labelledby': 'start-views-title' } }, [
    createElement('h3', { text: 'Saved views', attrs: { id: 'start-views-title' } }),
  ]);
  page.replaceChildren(
    createElement('h2', { text: 'Start here', attrs: { id: 'start-title' } }),
    createElement('p', {
      className: 'start-lead',
      text: 'Search a person, facility or organisation on the left, or pick a question below. Every link drawn carries its sources; synthetic test records are dashed and say so.',
    }),
    createElement('div', { className: 'start-columns' }, [holds, questions, views]),
  );

  const update = () => {
    page.hidden = workspace.cy.elements().nonempty() || document.body.classList.contains('signed-out');
  };
  lifetime.defer(workspace.onChange(update));

  const load = async (session: Session) => {
    update();
    const [statistics, starts, mine, all] = await Promise.allSettled([
      runQuery('graph-statistics', {}, signal),
      runQuery('starting-points', { limit: 1 }, signal),
      listViews('mine', signal),
      listViews('all', signal),
    ]);
    if (signal.aborted) return;
    const again = () => void load(session);
    showCounts(holds, statistics.status === 'fulfilled' ? statistics.value.summary : describeError(statistics.reason), again);
    showQuestions(questions, starts.status === 'fulfilled' ? starts.value.nodes : describeError(starts.reason), context, again);
    const own = mine.status === 'fulfilled' ? mine.value.views : [];
    const shared = all.status === 'fulfilled' ? all.value.views.filter((view) => view.visibility === 'shared' && view.owner !== session.user.id) : [];
    views.replaceChildren(
      createElement('h3', { text: 'Saved views', attrs: { id: 'start-views-title' } }),
      viewList('Your recent views', own, 'You have saved no view yet: draw something, then “Save as new” on the right.'),
      viewList('Shared by colleagues', shared, 'No view is shared with you yet.'),
    );
  };
  void context.account.signedIn.then((session) => {
    if (!signal.aborted) void load(session);
  });
  return { dispose: lifetime.dispose };
}

/** Says what did not load, with a button to ask again: a busy server may miss its time budget once. */
function failed(text: string, retry: () => void): HTMLElement {
  const button = createElement('button', { text: 'Retry', attrs: { type: 'button', 'data-action': 'retry' } });
  button.addEventListener('click', retry);
  return createElement('p', { className: 'placeholder' }, [createElement('span', { text: `${text} ` }), button]);
}

function showCounts(section: HTMLElement, summary: Record<string, unknown> | string, retry: () => void): void {
  const heading = section.firstElementChild!;
  if (typeof summary === 'string') {
    section.replaceChildren(heading, failed(`The counts did not load: ${summary}`, retry));
    return;
  }
  const labels = (summary.labels ?? {}) as Record<string, unknown>;
  const types = (summary.relationshipTypes ?? {}) as Record<string, unknown>;
  const links = Object.values(types).reduce<number>((sum, count) => sum + (typeof count === 'number' ? count : 0), 0);
  const number = (value: unknown) => (typeof value === 'number' ? value.toLocaleString('en') : '?');
  const rows = [
    ...countedKinds.map((kind): [string, string] => [displayOf(kind).plural, number(labels[kind])]),
    ['Links', number(links)],
    ['Synthetic test records', number(summary.syntheticNodes)],
  ];
  section.replaceChildren(
    heading,
    createElement(
      'dl',
      { className: 'start-counts', attrs: { id: 'start-counts' } },
      rows.flatMap(([title, count]) => [createElement('dt', { text: title }), createElement('dd', { text: count })]),
    ),
  );
}

function showQuestions(section: HTMLElement, nodes: readonly ResultNode[] | string, context: PanelContext, retry: () => void): void {
  const heading = section.firstElementChild!;
  if (typeof nodes === 'string') {
    section.replaceChildren(heading, failed(`The examples did not load: ${nodes}`, retry));
    return;
  }
  const first = (kind: NodeLabel) => nodes.find((node) => kindOf(node.labels) === kind);
  const detainee = first('Detainee');
  const facility = first('Facility');
  const official = first('Official');
  const question = (action: string, text: string, run: () => void) => {
    const button = createElement('button', { text, attrs: { type: 'button', 'data-example': action } });
    button.addEventListener('click', run);
    return createElement('li', {}, [button]);
  };
  const items = [
    ...(detainee ? [question('trace-detainee', `Trace a detainee to the leadership: ${nodeName(detainee)}`, () => void context.trace(detainee))] : []),
    ...(facility
      ? [
          question(
            'facility-2018',
            `Who ran this facility in 2018: ${nodeName(facility)}`,
            () =>
              void context.runner.draw(
                'who-is-responsible',
                { id: facility.id, asOf: '2018-12-31' },
                { mode: 'replace', layout: 'chain', doing: `Who ran ${nodeName(facility)} as of 2018-12-31` },
              ),
          ),
        ]
      : []),
    ...(official ? [question('official-chain', `The chain of command above ${nodeName(official)}`, () => void context.trace(official))] : []),
  ];
  section.replaceChildren(
    heading,
    items.length === 0
      ? createElement('p', { className: 'placeholder', text: 'The graph holds no detainee, facility or official yet: import some records.' })
      : createElement('ul', { className: 'start-question-list', attrs: { 'aria-label': 'Example questions' } }, items),
  );
}

function viewList(title: string, views: readonly { title: string; shareId: string; updatedAt: string }[], empty: string): HTMLElement {
  const shown = views.slice(0, viewsShown);
  return createElement('div', { className: 'start-view-group' }, [
    createElement('h4', { text: title }),
    shown.length === 0
      ? createElement('p', { className: 'placeholder', text: empty })
      : createElement(
          'ul',
          { className: 'start-view-list', attrs: { 'aria-label': title } },
          shown.map((view) =>
            createElement('li', {}, [
              createElement('a', { text: view.title, attrs: { href: `/v/${encodeURIComponent(view.shareId)}` } }),
              createElement('span', { className: 'start-view-date', text: ` · ${view.updatedAt.slice(0, 10)}` }),
            ]),
          ),
        ),
  ]);
}
