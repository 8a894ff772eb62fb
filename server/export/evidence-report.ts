// The evidence report as Markdown: the report model (report-model.ts) written out, every value from
// the graph escaped so a name can never become Markdown. Written to be attached to a filing.
import type { Result } from '../../contract/result.ts';
import { type Exhibit, type ReportChain, type ReportFact, type ReportLink, type ReportOptions, reportModel, syntheticSentence } from './report-model.ts';
import { nameOf } from './export-graph.ts';
import { hypothesesSection, type SectionLookup, sanctionsSection } from './report-sanctions.ts';

export type { ReportOptions } from './report-model.ts';

export function toEvidenceReport(result: Result, options: ReportOptions): string {
  const model = reportModel(result, options);
  const nodes = new Map(result.nodes.map((node) => [node.id, node]));
  // A designation's sources are named inline by id: the exhibits are the chain's documents only.
  const lookup: SectionLookup = { name: (id) => md(nameOf(nodes.get(id), id)), cite: () => {}, md, code };
  return [
    `# ${md(model.title)}`,
    '',
    '## What was asked',
    '',
    ...model.asked.map(factLine),
    '',
    ...(model.notes ? ["## The analyst's notes (not evidence)", '', ...model.notes.split(/\n+/).map((line) => `> ${md(line)}`), ''] : []),
    '## How to read this report',
    '',
    ...model.readingNotes.map((note) => `- ${md(note)}`),
    '',
    ...(model.chains.length === 0
      ? ['## Chains', '', 'This result holds no chain of command.', '']
      : model.chains.flatMap((chain) => chainSection(chain, model.chains.length))),
    ...(model.repeatedChains > 0
      ? [
          `${model.repeatedChains} more ${model.repeatedChains === 1 ? 'chain passes' : 'chains pass'} through exactly the same links as a chain above and ${model.repeatedChains === 1 ? 'is' : 'are'} not repeated.`,
          '',
        ]
      : []),
    ...hypothesesSection(result, lookup),
    ...sanctionsSection(result, lookup),
    ...exhibitsSection(model.exhibits),
  ]
    .join('\n')
    .replace(/\n+$/, '\n');
}

function factLine(fact: ReportFact): string {
  return fact.warning ? `- **${md(fact.label)}:** ${md(fact.value)}` : `- ${md(fact.label)}: ${md(fact.value)}`;
}

function chainSection(chain: ReportChain, total: number): string[] {
  const { weakest } = chain;
  return [
    `## Chain ${chain.number} of ${total}: ${md(chain.from)} to ${md(chain.to)}`,
    '',
    `- Strength: **${chain.throughHypothesis ? 'hypothesis (passes through an analyst’s hypothesis link; not evidence)' : (chain.strength ?? 'unknown')}**`,
    weakest
      ? `- Weakest link: link ${weakest.number}, ${md(weakest.from)} —[${md(weakest.caption)}]→ ${md(weakest.to)} (${weakest.confidence ?? 'confidence not recorded'})`
      : '- Weakest link: none recorded',
    ...(chain.tied.length > 0 ? [`- Also ${weakest!.confidence}: ${chain.tied.length === 1 ? 'link' : 'links'} ${chain.tied.join(', ')}`] : []),
    `- Links: ${chain.links.length}`,
    '',
    ...chain.links.flatMap(linkItem),
    '',
  ];
}

function linkItem(link: ReportLink): string[] {
  const item = `${link.number}. ${md(link.from)} —[${md(link.caption)}]→ ${md(link.to)}`;
  if (!link.present) return [item, `   - Not in this result: the link ${code(link.edgeId)} was not sent with it`];
  return [
    item,
    `   - Dates: ${link.dates}`,
    `   - Confidence: ${link.confidence ?? 'not recorded'}${link.isWeakest ? ' (**the weakest link of this chain**)' : ''}`,
    ...link.details.map((detail) => `   - ${md(detail.label)}: ${md(detail.value)}`),
    link.sources.length === 0
      ? '   - Sources: **none recorded**'
      : `   - Sources: ${link.sources.map((source) => (source.exhibit !== null ? `exhibit ${source.exhibit}` : `${code(source.id)} (no details in the result)`)).join(', ')}`,
    `   - Synthetic: ${link.synthetic.length === 0 ? 'no' : `**SYNTHETIC**: ${md(syntheticSentence(link.synthetic))}`}`,
    `   - Link: id ${code(link.edgeId)}, type ${code(link.edgeType ?? 'unknown')}`,
  ];
}

function exhibitsSection(exhibits: readonly Exhibit[]): string[] {
  if (exhibits.length === 0) return ['## Exhibits', '', 'No document is cited by the links above.', ''];
  return ['## Exhibits', '', ...exhibits.map((exhibit) => `${exhibit.number}. ${exhibitText(exhibit)}`), ''];
}

export function exhibitText(exhibit: Exhibit): string {
  const about = [exhibit.publisher, exhibit.date].filter((part): part is string => Boolean(part)).map(md);
  const title = about.length > 0 ? `${md(exhibit.title ?? exhibit.id)} (${about.join(', ')})` : md(exhibit.title ?? exhibit.id);
  return [
    title,
    ...(exhibit.url ? [url(exhibit.url)] : []),
    exhibit.accessed ? `accessed ${md(exhibit.accessed)}` : 'access date not recorded',
    ...(exhibit.collection ? [`collection: ${md(exhibit.collection)}`] : []),
    `id ${code(exhibit.id)}`,
  ].join(', ');
}

/**
 * A name or any text from the graph as plain Markdown text: every character Markdown (CommonMark and
 * GitHub's extensions: tables, strikethrough, maths) could read as syntax is backslash-escaped, an
 * entity-like `&name;` is defused, line breaks and control characters go (a line break would end
 * the list item), and a leading `-`, `+` or `1.` cannot open a list inside the item.
 */
export function md(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[\\`*_[\]<>|~#$]/g, '\\$&')
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
      .replace(/^([-+=])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

/** An id as a code span, fenced by one more backtick than any run inside it (CommonMark's rule). */
export function code(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  const clean = text.replace(/[\u0000-\u001F\u007F]+/g, ' ');
  if (clean.trim() === '') return '(no id)';
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** An http(s) address as an autolink; anything else as escaped text, never a live link. */
function url(address: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: an address with a control character is not linked
  return /^https?:\/\/[^\s<>\u0000-\u001F\u007F]+$/.test(address) ? `<${address}>` : md(address);
}
