// A query's `summary` (contract/result.ts) read as figures, counts and series, in words: pure, so the
// summary tab draws every query's figures the one way and a test can check them.
import { displayOf, NodeLabel, RelationshipType, relationshipCaption, propertyTitle } from '../../../contract/model.ts';
import type { Json } from '../../../contract/result.ts';

/** One number: "Detentions 181". */
export interface SummaryFigure {
  key: string;
  title: string;
  value: number | string;
}

/** Counts by category, drawn as a bar chart beside a table: "detainees by year". */
export interface SummarySeries {
  key: string;
  title: string;
  /** What is counted ("detainees", "nodes"). */
  counted: string;
  labels: string[];
  values: number[];
}

export interface SummaryView {
  figures: SummaryFigure[];
  series: SummarySeries[];
}

/** A key in words: `byAgeBand` -> "By age band", `syntheticNodes` -> "Synthetic nodes". */
export function keyTitle(key: string): string {
  return propertyTitle(key);
}

/** A category label in words: a kind's plural, a relationship's caption, or the value itself. */
function categoryTitle(label: string): string {
  if (NodeLabel.safeParse(label).success) return displayOf(label as NodeLabel).plural;
  if (RelationshipType.safeParse(label).success) return relationshipCaption[label as RelationshipType].forward;
  return label;
}

const isRecord = (value: Json): value is { [key: string]: Json } => value !== null && typeof value === 'object' && !Array.isArray(value);

export function readSummary(summary: Record<string, Json>): SummaryView {
  const figures: SummaryFigure[] = [];
  const series: SummarySeries[] = [];
  for (const [key, value] of Object.entries(summary)) {
    if (typeof value === 'number' || typeof value === 'string') {
      figures.push({ key, title: keyTitle(key), value });
    } else if (isRecord(value) && Object.values(value).every((count) => typeof count === 'number')) {
      // Counts by name ({Person: 30, Facility: 4}): every name a category.
      const entries = Object.entries(value) as [string, number][];
      series.push({
        key,
        title: keyTitle(key),
        counted: 'count',
        labels: entries.map(([label]) => categoryTitle(label)),
        values: entries.map(([, count]) => count),
      });
    } else if (Array.isArray(value) && value.every(isRecord)) {
      // Rows of one category and one count ([{year: '2017', detainees: 12}]): the count is the number column.
      const rows = value as { [key: string]: Json }[];
      const first = rows[0];
      const countKey = first ? Object.keys(first).find((field) => typeof first[field] === 'number') : undefined;
      const labelKey = first ? Object.keys(first).find((field) => field !== countKey) : undefined;
      if (!countKey || !labelKey) continue;
      series.push({
        key,
        title: keyTitle(key),
        counted: keyTitle(countKey).toLowerCase(),
        labels: rows.map((row) => categoryTitle(String(row[labelKey] ?? ''))),
        values: rows.map((row) => Number(row[countKey] ?? 0)),
      });
    }
  }
  return { figures, series };
}
