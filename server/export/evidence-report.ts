// Result -> a Markdown evidence report on its chains of command: each link with its dates, sources and confidence.
// Written to be attached to a filing, so it states what was asked, how to read it, and marks test data.
import { HYPOTHESIS_EDGE_TYPE } from '../../contract/api/notes.ts';
import { confidenceRank } from '../../contract/model.ts';
import type { Citation, Json, Result, ResultEdge, ResultNode } from '../../contract/result.ts';
import { chainsOf, dateAtPrecision, nameOf, type Chain, type ChainLink } from './export-graph.ts';
import { hypothesesSection, sanctionsSection } from './report-sanctions.ts';

export interface ReportOptions {
  /** Injected so the same Result and time give the same bytes (pinned by an inline snapshot). */
  generatedAt: Date;
  /**
   * `query`: the server ran the query for this report. `submitted`: a client sent the Result to be
   * formatted; the report says so, as nothing in it was checked against the graph.
   */
  origin: 'query' | 'submitted';
}

export function toEvidenceReport(result: Result, options: ReportOptions): string {
  const nodes = new Map(result.nodes.map((node) => [node.id, node]));
  const edges = new Map(result.edges.map((edge) => [edge.id, edge]));
  const name = (id: string) => md(nameOf(nodes.get(id), id));
  const chains = chainsOf(result);
  // In order of first citation; the set keeps the check constant-time however many are cited.
  const cited = new Set<string>();
  const cite = (id: string) => void cited.add(id);

  const chainSections = chains.flatMap((chain) => chainSection(chain, chains.length, { nodes, edges, name, cite, citations: result.citations }));
  const start = typeof result.meta.parameters.id === 'string' ? result.meta.parameters.id : null;

  return [
    `# Chain-of-command evidence report${start ? `: ${name(start)}` : ''}`,
    '',
    ...askedSection(result, options, start, name, chains),
    ...readingNotes(),
    ...(chains.length === 0 ? ['## Chains', '', 'This result holds no chain of command.', ''] : chainSections),
    ...hypothesesSection(result, { name, cite, md, code }),
    ...sanctionsSection(result, { name, cite, md, code }),
    ...documentsSection([...cited], result.citations),
  ]
    .join('\n')
    .replace(/\n+$/, '\n');
}

function askedSection(result: Result, options: ReportOptions, start: string | null, name: (id: string) => string, chains: Chain[]): string[] {
  const { query, parameters, truncated } = result.meta;
  // Said only when true: a submitted result may list its chains in any order.
  const ranks = chains.map((chain) => (chain.strength ? confidenceRank[chain.strength] : 0));
  const strongestFirst = chains.length > 1 && ranks.every((rank, i) => i === 0 || rank <= ranks[i - 1]!);
  const others = Object.entries(parameters).filter(([key]) => key !== 'id' && key !== 'asOf');
  return [
    '## What was asked',
    '',
    `- Generated: ${options.generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')} by xpf-explorer`,
    `- Query: ${md(query)}`,
    ...(start ? [`- Starting point: ${name(start)} (id ${code(start)})`] : []),
    ...('asOf' in parameters
      ? [
          typeof parameters.asOf === 'string'
            ? `- As of: ${md(parameters.asOf)}; only links in force on that date count`
            : '- As of: no date given; every link ever recorded counts, whatever its dates',
        ]
      : []),
    ...(others.length > 0 ? [`- Other parameters: ${others.map(([key, value]) => `${md(key)} = ${md(parameterText(value))}`).join('; ')}`] : []),
    options.origin === 'query'
      ? '- Origin: the server ran this query against the graph database to produce this report'
      : '- Origin: formatted from a result submitted to the export service; it was not re-run or checked against the graph database',
    `- Chains found: ${chains.length}${strongestFirst ? ', strongest first' : ''}`,
    ...(truncated ? ["- **Incomplete:** the query's limit cut the answer; more chains exist than are listed here"] : []),
    '',
  ];
}

function readingNotes(): string[] {
  return [
    '## How to read this report',
    '',
    '- **Synthetic records are not evidence.** Records marked **SYNTHETIC** are generated test data that stand in for personal records while the tool is built and tested. They come from no leak and no source, and must not be cited.',
    '- **Confidence** of each link, as recorded in the graph:',
    '  - **confirmed**: stated in the cited source.',
    '  - **reported**: reported by a source, but not confirmed by any source read.',
    '  - **inferred**: derived from the sources (for instance from where an office sits in the administrative hierarchy), not stated in them.',
    '- **A chain is only as strong as its weakest link.** Its strength is the lowest confidence among its links, and its weakest link is named so it can be checked first.',
    '- **Links read upward**, from the starting point towards the leadership; each states the relationship in that direction.',
    '- **Dates** are given at the precision the source records: 2016-08 is a day in August 2016 that the source does not give. "start unknown" means no start is recorded; "open-ended" means no end is recorded.',
    '',
  ];
}

interface Lookup {
  nodes: Map<string, ResultNode>;
  edges: Map<string, ResultEdge>;
  citations: Record<string, Citation>;
  name: (id: string) => string;
  cite: (id: string) => void;
}

function chainSection(chain: Chain, total: number, lookup: Lookup): string[] {
  const { name } = lookup;
  const weakest = chain.weakestLink;
  const tied = weakest ? chain.links.filter((link) => link !== weakest && link.confidence === weakest.confidence) : [];
  return [
    `## Chain ${chain.number} of ${total}: ${name(chain.nodes[0] ?? '')} to ${name(chain.nodes.at(-1) ?? '')}`,
    '',
    `- Strength: **${chain.links.some((link) => link.edge?.type === HYPOTHESIS_EDGE_TYPE) ? 'hypothesis (passes through an analyst’s hypothesis link; not evidence)' : (chain.strength ?? 'unknown')}**`,
    weakest
      ? `- Weakest link: link ${weakest.number}, ${linkText(weakest, name)} (${weakest.confidence ?? 'confidence not recorded'})`
      : '- Weakest link: none recorded',
    ...(tied.length > 0 ? [`- Also ${weakest!.confidence}: ${tied.length === 1 ? 'link' : 'links'} ${tied.map((link) => link.number).join(', ')}`] : []),
    `- Links: ${chain.links.length}`,
    '',
    ...chain.links.flatMap((link) => linkItem(link, link === weakest, lookup)),
    '',
  ];
}

function linkText(link: ChainLink, name: (id: string) => string): string {
  return `${name(link.from)} —[${md(link.caption)}]→ ${name(link.to)}`;
}

function linkItem(link: ChainLink, isWeakest: boolean, lookup: Lookup): string[] {
  const { edge } = link;
  const item = `${link.number}. ${linkText(link, lookup.name)}`;
  if (!edge) return [item, `   - Not in this result: the link ${code(link.edgeId)} was not sent with it`];
  const p = edge.properties;
  const sources = Array.isArray(p.sources) ? p.sources.filter((id): id is string => typeof id === 'string') : [];
  sources.forEach(lookup.cite);
  return [
    item,
    `   - Dates: ${dateAtPrecision(p.from, p.fromPrecision) ?? 'start unknown'} to ${dateAtPrecision(p.to, p.toPrecision) ?? 'open-ended'}`,
    `   - Confidence: ${link.confidence ?? 'not recorded'}${isWeakest ? ' (**the weakest link of this chain**)' : ''}`,
    ...details(p),
    ...(sources.length === 0
      ? ['   - Sources: **none recorded**']
      : ['   - Sources:', ...sources.map((id) => `     - ${citationText(id, lookup.citations[id])}`)]),
    `   - Synthetic: ${syntheticText(link, lookup)}`,
    `   - Link: id ${code(edge.id)}, type ${code(edge.type)}`,
  ];
}

/** The source's own words about a link, where the record keeps them. */
function details(p: Record<string, Json>): string[] {
  const line = (label: string, value: Json | undefined, suffix = '') =>
    typeof value === 'string' && value.trim() !== '' ? [`   - ${label}: ${md(value)}${suffix}`] : [];
  return [
    ...line('Post', p.title, p.head === true ? ' (heads the organisation)' : ''),
    ...line('Role', p.role),
    ...line('Reason recorded', p.recordedReason),
    ...line('Kinship', p.kinship),
    ...line("Source's wording", p.relation),
    ...line('Notes', p.notes),
  ];
}

function syntheticText(link: ChainLink, lookup: Lookup): string {
  const marked = [
    ...(link.edge?.properties.synthetic === true ? ['this link'] : []),
    ...[link.from, link.to].filter((id) => lookup.nodes.get(id)?.properties.synthetic === true).map(lookup.name),
  ];
  if (marked.length === 0) return 'no';
  const listed = marked.length === 1 ? marked[0] : `${marked.slice(0, -1).join(', ')} and ${marked.at(-1)}`;
  return `**SYNTHETIC**: ${listed} ${marked.length === 1 ? 'is' : 'are'} generated test data, not evidence`;
}

function citationText(id: string, citation: Citation | undefined): string {
  if (!citation) return `${code(id)}: no details for this document in the result`;
  const about = [citation.publisher, citation.date].filter((part): part is string => Boolean(part)).map(md);
  const title = about.length > 0 ? `${md(citation.name)} (${about.join(', ')})` : md(citation.name);
  return [title, ...(citation.url ? [url(citation.url)] : []), `id ${code(id)}`].join(', ');
}

function documentsSection(cited: readonly string[], citations: Record<string, Citation>): string[] {
  if (cited.length === 0) return ['## Documents cited', '', 'No document is cited by the links above.', ''];
  return [
    '## Documents cited',
    '',
    ...cited.map((id) => {
      const citation = citations[id];
      return citation?.collection ? `- ${citationText(id, citation)}; collection: ${md(citation.collection)}` : `- ${citationText(id, citation)}`;
    }),
    '',
  ];
}

function parameterText(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A name or any text from the graph as plain Markdown text: every character Markdown (CommonMark and
 * GitHub's extensions: tables, strikethrough, maths) could read as syntax is backslash-escaped, an
 * entity-like `&name;` is defused, line breaks and control characters go (a line break would end
 * the list item), and a leading `-`, `+` or `1.` cannot open a list inside the item.
 */
export function md(text: string): string {
  return text
    .replace(CONTROL_CHARACTERS_BUT_BREAKS, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~#$]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Control characters other than tab, LF and CR (which the whitespace rule above folds into spaces). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: md() strips them.
const CONTROL_CHARACTERS_BUT_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** An id as a code span, fenced by one more backtick than any run inside it (CommonMark's rule). */
export function code(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: each run becomes a space.
  const clean = text.replace(/[\u0000-\u001F\u007F]+/g, ' ');
  if (clean.trim() === '') return '(no id)';
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/** An http(s) address as an autolink; anything else as escaped text, never a live link. */
function url(address: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: an address holding a control character is refused as a link.
  return /^https?:\/\/[^\s<>\u0000-\u001F\u007F]+$/.test(address) ? `<${address}>` : md(address);
}
