// The evidence report's analysts' and sanctions sections: who in the chain is sanctioned (by whom,
// when, under which measure, with sources) and who is not; and hypothesis links, set apart as no evidence.
import { HYPOTHESIS_EDGE_TYPE } from '../../contract/api/notes.ts';
import type { Json, Result } from '../../contract/result.ts';

export interface SectionLookup {
  name: (id: string) => string;
  cite: (documentId: string) => void;
  md: (text: string) => string;
  code: (text: string) => string;
}

const ids = (value: Json | undefined): string[] => (Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);
const text = (value: Json | undefined): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** Only when the result answered the sanctions question (GET /api/chain/:id/sanctions or the sanctions-of query). */
export function sanctionsSection(result: Result, lookup: SectionLookup): string[] {
  if (!('sanctioned' in result.summary) && !('notSanctioned' in result.summary)) return [];
  const { name, cite, md, code } = lookup;
  const nodes = new Map(result.nodes.map((node) => [node.id, node]));
  const sanctioned = ids(result.summary.sanctioned);
  const notSanctioned = ids(result.summary.notSanctioned);
  const lines = ['## Sanctions', '', `- Sanctioned: ${sanctioned.length}; not sanctioned: ${notSanctioned.length}`, ''];
  for (const id of sanctioned) {
    lines.push(`- **${name(id)}** (id ${code(id)})`);
    for (const designation of result.edges.filter((edge) => edge.type === 'SANCTIONED_UNDER' && edge.source === id)) {
      const sanction = nodes.get(designation.target)?.properties ?? {};
      const sources = ids(designation.properties.sources);
      sources.forEach(cite);
      const by = text(sanction.authority) ?? 'authority not recorded';
      const under = text(sanction.program);
      lines.push(
        `  - ${md(by)}${under ? `, under ${md(under)}` : ''}; date: ${md(text(sanction.date) ?? text(designation.properties.from) ?? 'not recorded')}`,
        ...(text(sanction.measures) ? [`    - Measures: ${md(text(sanction.measures)!)}`] : []),
        `    - Sources: ${sources.length === 0 ? '**none recorded**' : sources.map(code).join(', ')}`,
      );
    }
  }
  lines.push(
    '',
    '- Not sanctioned (no designation in this graph: the public record and any list imported into it):',
    ...(notSanctioned.length === 0 ? ['  - none'] : notSanctioned.map((id) => `  - ${name(id)} (id ${code(id)})`)),
    '',
  );
  return lines;
}

/** Every hypothesis link of the result, by whom and what it says: an analyst's guess, never a source. */
export function hypothesesSection(result: Result, lookup: SectionLookup): string[] {
  const hypotheses = result.edges.filter((edge) => edge.type === HYPOTHESIS_EDGE_TYPE);
  if (hypotheses.length === 0) return [];
  const { name, md, code } = lookup;
  return [
    '## Analysts’ hypotheses (not evidence)',
    '',
    'Links an analyst drew that no document shows. A chain through one is marked "hypothesis" and proves nothing by itself.',
    '',
    ...hypotheses.map(
      (edge) =>
        `- ${name(edge.source)} —[${md(text(edge.properties.caption) ?? 'hypothesis')}]→ ${name(edge.target)}: by ${md(text(edge.properties.author) ?? 'an analyst')}` +
        `${text(edge.properties.createdAt) ? `, ${md(text(edge.properties.createdAt)!.slice(0, 10))}` : ''}; id ${code(edge.id)}`,
    ),
    '',
  ];
}
