// The summary tab: the figures of the last answer (graph statistics, a facility's profile...) as
// numbers, and each series as a bar chart (Chart.js, drawn on a canvas: no inline style or script)
// beside a table of the same numbers for readers who do not see the chart.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { Result } from '../../../contract/result.ts';
import { createElement } from '../dom.ts';
import type { PanelContext, PanelLifetime } from '../panels/panel.ts';
import { readSummary, type SummarySeries } from './summary-data.ts';
import type { InsightView } from './table-view.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface SummaryView extends InsightView {
  show(answer: Result): void;
}

/** `latest` is the last answer with figures, kept by the pane while this view was not yet loaded. */
export function mountSummaryView(context: PanelContext, element: HTMLElement, lifetime: PanelLifetime, latest: Result | null): SummaryView {
  let charts: Chart[] = [];
  let last: Result | null = latest;
  const clear = () => {
    for (const chart of charts) chart.destroy();
    charts = [];
  };
  lifetime.defer(clear);

  const draw = () => {
    clear();
    const answer = last;
    const view = answer ? readSummary(answer.summary) : { figures: [], series: [] };
    element.dataset.query = answer?.meta.query ?? '';
    if (!answer || (view.figures.length === 0 && view.series.length === 0)) {
      element.replaceChildren(
        createElement('p', { className: 'hint', text: 'The figures a query computes (graph statistics, a facility profile) are shown here.' }),
      );
      return;
    }
    const figures = createElement(
      'dl',
      { className: 'summary-figures' },
      view.figures.flatMap((figure) => [
        createElement('dt', { text: figure.title }),
        createElement('dd', { text: typeof figure.value === 'number' ? figure.value.toLocaleString('en') : figure.value, attrs: { 'data-key': figure.key } }),
      ]),
    );
    const drawn = view.series.map(seriesFigure);
    element.replaceChildren(
      createElement('h3', { text: `Figures of “${answer.meta.query.replace(/-/g, ' ')}”` }),
      figures,
      createElement(
        'div',
        { className: 'summary-series' },
        drawn.map((series) => series.figure),
      ),
    );
    // Charts are drawn once their canvases are in the page: Chart.js sizes them from their boxes.
    for (const series of drawn) series.chart();
  };

  const seriesFigure = (series: SummarySeries): { figure: HTMLElement; chart(): void } => {
    const canvas = createElement('canvas', { attrs: { role: 'img', 'aria-label': `${series.title}: bar chart; the same numbers are in the table below` } });
    const figure = createElement('figure', { className: 'summary-chart', attrs: { 'data-series': series.key } }, [
      createElement('figcaption', { text: series.title }),
      createElement('div', { className: 'chart-box' }, [canvas]),
      seriesTable(series),
    ]);
    const draw = () => {
      const ink = getComputedStyle(document.documentElement).getPropertyValue('--ink').trim() || '#1a1a1a';
      const chart = new Chart(canvas, {
        type: 'bar',
        data: { labels: series.labels, datasets: [{ label: series.counted, data: series.values, backgroundColor: '#0072b2' }] },
        options: {
          // No animation: the chart is read, not watched, and a test reads it as soon as it is drawn.
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          indexAxis: series.labels.length > 8 ? 'y' : 'x',
          plugins: { tooltip: { enabled: true } },
          scales: { x: { ticks: { color: ink } }, y: { ticks: { color: ink }, beginAtZero: true } },
        },
      });
      charts.push(chart);
      // What the chart drew, read back from its own model: a test compares it with the answer.
      const bars = chart.getDatasetMeta(0).data.length;
      figure.dataset.chart = JSON.stringify({ labels: chart.data.labels, values: chart.data.datasets[0]?.data, bars });
    };
    return { figure, chart: draw };
  };

  lifetime.defer(
    context.runner.onAnswer((answer) => {
      if (Object.keys(answer.summary).length === 0) return;
      last = answer;
      draw();
    }),
  );

  return {
    refresh: draw,
    show(answer) {
      last = answer;
      draw();
    },
  };
}

function seriesTable(series: SummarySeries): HTMLTableElement {
  return createElement('table', { className: 'summary-table' }, [
    createElement('thead', {}, [
      createElement('tr', {}, [
        createElement('th', { text: series.title, attrs: { scope: 'col' } }),
        createElement('th', { text: series.counted, attrs: { scope: 'col' } }),
      ]),
    ]),
    createElement(
      'tbody',
      {},
      series.labels.map((label, i) =>
        createElement('tr', {}, [createElement('th', { text: label, attrs: { scope: 'row' } }), createElement('td', { text: String(series.values[i] ?? 0) })]),
      ),
    ),
  ]);
}
