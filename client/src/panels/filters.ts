// Filters by kind, confidence and synthetic, and the as-of slider: months over the years the files cover, redrawing the time-aware queries on the date shown.
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

/** Mounts on the filters section; moving the date redraws what the runner tracks as time-aware. */
export function mountFilters({ workspace, runner }: PanelContext, section: HTMLElement): FiltersPanel {
  const lifetime = panelLifetime();
  const { signal } = lifetime;
  const labelBox = requirePart(section, 'label-filters', HTMLElement);
  const confidenceBox = requirePart(section, 'confidence-filters', HTMLElement);
  const synthetic = requirePart(section, 'synthetic-filter', HTMLInputElement);
  const slider = requirePart(section, 'as-of', HTMLInputElement);
  const enabled = requirePart(section, 'as-of-enabled', HTMLInputElement);
  const shown = requirePart(section, 'as-of-value', HTMLOutputElement);
  slider.max = String(months - 1);
  slider.dataset.firstYear = String(firstYear);
  slider.value = String(monthIndex('2018-12-31'));

  const check = (name: string, value: string, text: string) =>
    createElement('label', { className: 'check' }, [
      createElement('input', { attrs: { type: 'checkbox', name, value, checked: '' } }),
      createElement('span', { text }),
    ]);
  labelBox.replaceChildren(...NodeLabel.options.map((label) => check('label', label, kindStyles[label].title)));
  confidenceBox.replaceChildren(...Confidence.options.map((level) => check('confidence', level, level)));

  const asOf = () => (enabled.checked ? monthEnd(Number(slider.value)) : undefined);
  const checked = (box: HTMLElement) => [...box.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value);

  const read = (): WorkspaceFilters => {
    const labels = checked(labelBox) as NodeLabel[];
    const confidence = checked(confidenceBox) as Confidence[];
    const date = asOf();
    // All ticked is no filter at all: absent, as saved views expect.
    return {
      ...(labels.length < NodeLabel.options.length ? { labels } : {}),
      ...(confidence.length < Confidence.options.length ? { confidence } : {}),
      ...(synthetic.checked ? {} : { synthetic: false }),
      ...(date ? { asOf: date } : {}),
    };
  };
  const showDate = () => {
    slider.disabled = !enabled.checked;
    shown.textContent = asOf() ?? 'any date';
  };

  for (const box of [labelBox, confidenceBox]) box.addEventListener('change', () => workspace.setFilters(read()), { signal });
  synthetic.addEventListener('change', () => workspace.setFilters(read()), { signal });
  slider.addEventListener('input', showDate, { signal });
  const dateChanged = () => {
    showDate();
    workspace.setFilters(read());
    void runner.redoTimeAware(asOf());
  };
  slider.addEventListener('change', dateChanged, { signal });
  enabled.addEventListener('change', dateChanged, { signal });

  // Undo, a saved view or a share link may bring other filters: the controls follow the workspace.
  const unsubscribe = workspace.onChange(() => {
    const filters = workspace.filters();
    for (const input of labelBox.querySelectorAll<HTMLInputElement>('input'))
      input.checked = !filters.labels || filters.labels.includes(input.value as NodeLabel);
    for (const input of confidenceBox.querySelectorAll<HTMLInputElement>('input'))
      input.checked = !filters.confidence || filters.confidence.includes(input.value as Confidence);
    synthetic.checked = filters.synthetic !== false;
    enabled.checked = filters.asOf !== undefined;
    if (filters.asOf) slider.value = String(monthIndex(filters.asOf));
    showDate();
  });
  lifetime.defer(unsubscribe);
  showDate();
  return { asOf, dispose: lifetime.dispose };
}
