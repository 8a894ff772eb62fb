// Filters by kind, confidence and synthetic, and the as-of date (a slider of months over the years the files
// cover, with year ticks, and a date field), with a second date to compare: time-aware queries are redrawn once the date rests.
import { Confidence, NodeLabel } from '../../../contract/model.ts';
import { createElement, requirePart } from '../dom.ts';
import { kindStyles } from '../graph/style.ts';
import type { WorkspaceFilters } from '../workspace/workspace.ts';
import { type Panel, type PanelContext, panelLifetime } from './panel.ts';

/** The months the slider spans: the leaked files and the public record are mostly 2014 to 2022. */
const firstYear = 2012;
const lastYear = 2023;
const months = (lastYear - firstYear + 1) * 12;

export interface FiltersPanel extends Panel {
  /** The date the time-aware queries run as of, or undefined for links of any date. */
  asOf(): string | undefined;
  /** The date compared with `asOf`, or undefined when not comparing. */
  compareWith(): string | undefined;
}

/** Month index -> the month's last day (YYYY-MM-DD): a link in force at any time that month counts. */
export function monthEnd(index: number): string {
  const year = firstYear + Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

export function monthIndex(date: string): number {
  const [year = firstYear, month = 1] = date.split('-').map(Number);
  return Math.min(months - 1, Math.max(0, (year - firstYear) * 12 + month - 1));
}

/** Moving the slider or typing a date waits this long for the analyst to stop before redrawing: one query, not one per step. */
export const dateSettleMs = 400;

/** Mounts on the filters section; moving the date redraws what the runner tracks as time-aware. */
export function mountFilters({ workspace, runner }: PanelContext, section: HTMLElement): FiltersPanel {
  const lifetime = panelLifetime();
  const { signal } = lifetime;
  const labelBox = requirePart(section, 'label-filters', HTMLElement);
  const confidenceBox = requirePart(section, 'confidence-filters', HTMLElement);
  const synthetic = requirePart(section, 'synthetic-filter', HTMLInputElement);
  const slider = requirePart(section, 'as-of', HTMLInputElement);
  const dateField = requirePart(section, 'as-of-date', HTMLInputElement);
  const enabled = requirePart(section, 'as-of-enabled', HTMLInputElement);
  const shown = requirePart(section, 'as-of-value', HTMLOutputElement);
  const comparing = requirePart(section, 'compare-enabled', HTMLInputElement);
  const compareField = requirePart(section, 'compare-date', HTMLInputElement);
  slider.max = String(months - 1);
  slider.dataset.firstYear = String(firstYear);
  dateField.min = `${firstYear}-01-01`;
  dateField.max = `${lastYear}-12-31`;
  compareField.min = dateField.min;
  compareField.max = dateField.max;
  showYearTicks(section);

  /** The date the controls show: a month's end from the slider, or any day typed in the date field. */
  let date = '2018-12-31';
  const setDate = (next: string) => {
    date = next;
    slider.value = String(monthIndex(next));
    dateField.value = next;
  };
  setDate(date);
  compareField.value = '2016-12-31';

  const check = (name: string, value: string, text: string) =>
    createElement('label', { className: 'check' }, [
      createElement('input', { attrs: { type: 'checkbox', name, value, checked: '' } }),
      createElement('span', { text }),
    ]);
  labelBox.replaceChildren(...NodeLabel.options.map((label) => check('label', label, kindStyles[label].title)));
  confidenceBox.replaceChildren(...Confidence.options.map((level) => check('confidence', level, level)));

  const asOf = () => (enabled.checked ? date : undefined);
  const compareWith = () => (enabled.checked && comparing.checked && compareField.value !== '' ? compareField.value : undefined);
  const checked = (box: HTMLElement) => [...box.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value);

  const read = (): WorkspaceFilters => {
    const labels = checked(labelBox) as NodeLabel[];
    const confidence = checked(confidenceBox) as Confidence[];
    const day = asOf();
    const other = compareWith();
    // All ticked is no filter at all: absent, as saved views expect.
    return {
      ...(labels.length < NodeLabel.options.length ? { labels } : {}),
      ...(confidence.length < Confidence.options.length ? { confidence } : {}),
      ...(synthetic.checked ? {} : { synthetic: false }),
      ...(day ? { asOf: day } : {}),
      ...(other ? { compareWith: other } : {}),
    };
  };
  const showDate = () => {
    slider.disabled = !enabled.checked;
    dateField.disabled = !enabled.checked;
    comparing.disabled = !enabled.checked;
    compareField.disabled = !enabled.checked || !comparing.checked;
    const other = compareWith();
    shown.textContent = asOf() === undefined ? 'any date' : other ? `${date}, compared with ${other}` : date;
  };

  for (const box of [labelBox, confidenceBox]) box.addEventListener('change', () => workspace.setFilters(read()), { signal });
  synthetic.addEventListener('change', () => workspace.setFilters(read()), { signal });

  // Each arrow key or drag step moves the date shown at once; the canvas and the queries follow once it rests.
  let settle: ReturnType<typeof setTimeout> | undefined;
  /** A date still settling is the analyst's newer word: the controls do not follow the workspace back meanwhile. */
  let settling = false;
  lifetime.defer(() => clearTimeout(settle));
  // The date shown says when the canvas holds it: `settling` while the analyst moves it or its queries
  // are redrawn, `settled` once what is drawn is what held on that date (browser tests wait on it).
  let redraws = 0;
  const dateChanged = () => {
    clearTimeout(settle);
    settling = false;
    showDate();
    workspace.setFilters(read());
    const redraw = ++redraws;
    shown.dataset.state = 'settling';
    void runner.redoTimeAware(asOf()).finally(() => {
      if (redraw === redraws && !settling) shown.dataset.state = 'settled';
    });
  };
  const dateMoved = () => {
    showDate();
    shown.dataset.state = 'settling';
    settling = true;
    clearTimeout(settle);
    settle = setTimeout(dateChanged, dateSettleMs);
  };
  slider.addEventListener(
    'input',
    () => {
      setDate(monthEnd(Number(slider.value)));
      dateMoved();
    },
    { signal },
  );
  slider.addEventListener('change', dateMoved, { signal });
  dateField.addEventListener(
    'change',
    () => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(dateField.value)) return;
      setDate(dateField.value);
      dateMoved();
    },
    { signal },
  );
  compareField.addEventListener(
    'change',
    () => {
      if (compareField.value !== '') dateMoved();
    },
    { signal },
  );
  enabled.addEventListener('change', dateChanged, { signal });
  comparing.addEventListener('change', dateChanged, { signal });

  // Undo, a saved view or a share link may bring other filters: the controls follow the workspace.
  const unsubscribe = workspace.onChange(() => {
    const filters = workspace.filters();
    for (const input of labelBox.querySelectorAll<HTMLInputElement>('input'))
      input.checked = !filters.labels || filters.labels.includes(input.value as NodeLabel);
    for (const input of confidenceBox.querySelectorAll<HTMLInputElement>('input'))
      input.checked = !filters.confidence || filters.confidence.includes(input.value as Confidence);
    synthetic.checked = filters.synthetic !== false;
    if (!settling) {
      enabled.checked = filters.asOf !== undefined;
      if (filters.asOf) setDate(filters.asOf);
      comparing.checked = filters.compareWith !== undefined;
      if (filters.compareWith) compareField.value = filters.compareWith;
    }
    showDate();
  });
  lifetime.defer(unsubscribe);
  showDate();
  shown.dataset.state = 'settled';
  return { asOf, compareWith, dispose: lifetime.dispose };
}

/** Year marks under the slider: a tick per year (the datalist) and every other year written out. */
function showYearTicks(section: HTMLElement): void {
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);
  requirePart(section, 'as-of-years', HTMLDataListElement).replaceChildren(
    ...years.map((year) => createElement('option', { attrs: { value: String((year - firstYear) * 12), label: String(year) } })),
  );
  requirePart(section, 'as-of-ticks', HTMLElement).replaceChildren(
    ...years.filter((_, i) => i % 2 === 0).map((year) => createElement('span', { text: String(year) })),
  );
}
