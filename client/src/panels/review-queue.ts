// The review queue: possible duplicates, best first, each shown as two records side by side (names,
// identifying facts, sources, links) with the matcher's reasons, and three answers with a note.
// Judgements are the analyst's, never evidence; the server records and audits them. Analysts and
// admins only: a viewer is never shown which victims' records match.
import './review-queue.css';
import { CandidatesAnswer, type CandidateAnswer, JudgementRow, type Verdict } from '../../../contract/api/identity.ts';
import { Result } from '../../../contract/result.ts';
import { ApiError, isAbort, requestJson } from '../api.ts';
import { createElement } from '../dom.ts';
import { type Panel, type PanelContext, panelLifetime } from './panel.ts';

/** The facts a reviewer compares, in this order, when a record has them. */
const COMPARED = ['name', 'nameZh', 'pinyin', 'gender', 'birthDate', 'idNumber', 'address', 'ethnicity'] as const;
const ANSWERS: readonly { verdict: Verdict; label: string }[] = [
  { verdict: 'same', label: 'Same person' },
  { verdict: 'not-same', label: 'Not the same' },
  { verdict: 'unsure', label: 'Unsure' },
];

function recordCard(id: string, answer: Result): HTMLElement {
  const node = answer.nodes.find((candidate) => candidate.id === id);
  const card = createElement('article', { className: 'review-record', attrs: { 'data-id': id } });
  if (!node) return createElement('article', { className: 'review-record', text: `${id}: no longer in the graph` });
  const facts = createElement('dl');
  for (const key of COMPARED) {
    const value = node.properties[key];
    if (value === undefined || value === null) continue;
    facts.append(createElement('dt', { text: key }), createElement('dd', { text: String(value), attrs: { 'data-fact': key } }));
  }
  const sources = (Array.isArray(node.properties.sources) ? node.properties.sources : []).map((source) =>
    createElement('li', { text: answer.citations[String(source)]?.name ?? String(source) }),
  );
  const links = answer.edges.map((edge) => {
    const other = edge.source === id ? edge.target : edge.source;
    const end = answer.nodes.find((candidate) => candidate.id === other);
    return createElement('li', { text: `${edge.type} ${String(end?.properties.name ?? other)}` });
  });
  card.append(
    createElement('h4', { text: `${node.labels.join(' · ')}${node.properties.synthetic === true ? ' (synthetic)' : ''}` }),
    facts,
    createElement('h5', { text: 'Sources' }),
    createElement('ul', {}, sources),
    createElement('h5', { text: 'Links' }),
    createElement('ul', {}, links),
  );
  return card;
}

function reasonsTable(candidate: CandidateAnswer): HTMLElement {
  const rows = candidate.signals.map((signal) =>
    createElement('tr', { attrs: { 'data-signal': signal.name } }, [
      createElement('td', { text: signal.description }),
      createElement('td', { text: `${signal.weight > 0 ? '+' : ''}${signal.weight}` }),
    ]),
  );
  return createElement('table', { className: 'review-reasons' }, [
    createElement('caption', { text: `Score ${candidate.score} (blocked on ${candidate.sharedKeys.join(', ')})` }),
    createElement('tbody', {}, rows),
  ]);
}

export function mountReviewQueue({ account, status }: PanelContext, element: HTMLElement): Panel {
  const lifetime = panelLifetime();
  const body = createElement('div', { className: 'review-body' });
  const load = createElement('button', { text: 'Review possible duplicates', attrs: { type: 'button' } });
  element.append(createElement('h2', { text: 'Review queue', attrs: { id: 'review-title' } }), load, body);
  element.dataset.state = 'idle';
  let queue: CandidateAnswer[] = [];

  const setState = (state: string, message?: string) => {
    element.dataset.state = state;
    if (message) body.replaceChildren(createElement('p', { className: 'hint', text: message }));
  };

  const showNext = async () => {
    const candidate = queue.shift();
    if (!candidate) return setState('empty', 'No possible duplicates left to review.');
    setState('loading');
    const [left, right] = await Promise.all(
      [candidate.leftId, candidate.rightId].map((id) =>
        requestJson('GET', `/api/nodes/${encodeURIComponent(id)}`, Result, { signal: lifetime.signal, expecting: 'a Result' }),
      ),
    );
    const note = createElement('textarea', { attrs: { 'aria-label': 'Note on this judgement', maxlength: '2000', rows: '2' } });
    const buttons = ANSWERS.map(({ verdict, label }) => {
      const button = createElement('button', { text: label, attrs: { type: 'button', 'data-verdict': verdict } });
      button.addEventListener('click', () => void judge(candidate, verdict, note.value), { signal: lifetime.signal });
      return button;
    });
    body.replaceChildren(
      createElement('p', {
        className: 'hint',
        text: `${queue.length} more after this pair. A judgement is your reading, never evidence; it can be retracted.`,
      }),
      reasonsTable(candidate),
      createElement('div', { className: 'review-pair' }, [recordCard(candidate.leftId, left!), recordCard(candidate.rightId, right!)]),
      note,
      createElement('div', { className: 'review-answers' }, buttons),
    );
    setState('ready');
  };

  const judge = async (candidate: CandidateAnswer, verdict: Verdict, note: string) => {
    setState('saving');
    try {
      await requestJson('POST', '/api/identity/judgements', JudgementRow, {
        body: { leftId: candidate.leftId, rightId: candidate.rightId, verdict, note, reasons: { score: candidate.score, signals: candidate.signals } },
        signal: lifetime.signal,
      });
      status.set({ state: 'idle', message: `Judgement recorded: ${verdict}.` });
      await showNext();
    } catch (error) {
      if (!isAbort(error)) setState('error', error instanceof ApiError ? error.message : 'The judgement could not be saved.');
    }
  };

  load.addEventListener(
    'click',
    async () => {
      setState('loading', 'Looking for possible duplicates…');
      try {
        const answer = await requestJson('GET', '/api/identity/candidates?limit=100', CandidatesAnswer, { signal: lifetime.signal });
        queue = answer.candidates;
        await showNext();
      } catch (error) {
        if (!isAbort(error)) setState('error', error instanceof ApiError ? error.message : 'Possible duplicates could not be loaded.');
      }
    },
    { signal: lifetime.signal },
  );

  // Shown to those who may judge; a viewer's page never offers it.
  element.hidden = true;
  void account.signedIn.then((session) => {
    element.hidden = session.user.role === 'viewer';
  });
  return lifetime;
}
