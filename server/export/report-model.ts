// The evidence report as data, in plain text: what was asked and by whom, how to read it, each chain
// link by link, and the documents numbered as exhibits. The Markdown and PDF renderers share it, so
// the two files of one report always say the same thing.
import { HYPOTHESIS_EDGE_TYPE } from '../../contract/api/notes.ts';
import { confidenceRank, type Confidence } from '../../contract/model.ts';
import type { Citation, Json, Result, ResultNode } from '../../contract/result.ts';
import { chainsOf, dateAtPrecision, nameOf, type Chain, type ChainLink } from './export-graph.ts';

export interface ReportOptions {
  /** Injected so the same Result and time give the same bytes (pinned by an inline snapshot). */
  generatedAt: Date;
  /**
   * `query`: the server ran the query for this report. `submitted`: a client sent the Result to be
   * formatted; the report says so, as nothing in it was checked against the graph.
   */
  origin: 'query' | 'submitted';
  /** The signed-in account that asked for the report. */
  analyst?: string;
  /** The saved view the report was made from: its title and the analyst's notes (never evidence). */
  view?: { title: string; notes: string };
  /** A digest of every element the report states, as its reader received them (server/queries/fingerprint.ts). */
  fingerprint?: string;
  /** The query in words, as its .cypher header titles it ("Chain of command"). */
  queryTitle?: string;
}

export interface ReportFact {
  label: string;
  value: string;
  /** Said in bold: the answer is incomplete. */
  warning?: boolean;
}

export interface ReportSource {
  id: string;
  /** Null when the result holds no details of the document (no exhibit can be made of it). */
  exhibit: number | null;
}

export interface ReportLink {
  number: number;
  from: string;
  caption: string;
  to: string;
  /** False when the link was not sent with the result: only its id is known. */
  present: boolean;
  dates: string;
  confidence: Confidence | null;
  isWeakest: boolean;
  /** The source's own words about the link (post, role, recorded reason…). */
  details: ReportFact[];
  sources: ReportSource[];
  /** Who or what on this link is generated test data, in words; empty when nothing is. */
  synthetic: string[];
  edgeId: string;
  edgeType: string | null;
}

export interface ReportChain {
  number: number;
  from: string;
  to: string;
  strength: Confidence | null;
  /** The chain passes through an analyst's hypothesis link: not evidence, and the report says so. */
  throughHypothesis: boolean;
  weakest: { number: number; from: string; caption: string; to: string; confidence: Confidence | null } | null;
  /** Other links as weak as the weakest. */
  tied: number[];
  links: ReportLink[];
}

export interface Exhibit {
  number: number;
  id: string;
  /** Null when the result holds no details of the document. */
  title: string | null;
  publisher?: string;
  date?: string;
  url?: string;
  collection?: string;
  /** When the source was last read, as its record gives it; null when the record does not say. */
  accessed: string | null;
}

export interface ReportModel {
  title: string;
  asked: ReportFact[];
  notes: string | null;
  readingNotes: string[];
  chains: ReportChain[];
  /** Chains the query returned that pass through exactly the same links as one listed: said, not repeated. */
  repeatedChains: number;
  exhibits: Exhibit[];
}

export function reportModel(result: Result, options: ReportOptions): ReportModel {
  const nodes = new Map(result.nodes.map((node) => [node.id, node]));
  const edges = new Map(result.edges.map((edge) => [edge.id, edge]));
  const name = (id: string) => nameWithChinese(nodes.get(id), id);
  const all = chainsOf(result);
  const chains = uniqueChains(all);
  // In order of first citation; the map keeps the check constant-time however many are cited.
  const exhibitNumbers = new Map<string, number | null>();
  let exhibitCount = 0;
  const cite = (id: string): ReportSource => {
    if (!exhibitNumbers.has(id)) exhibitNumbers.set(id, result.citations[id] ? ++exhibitCount : null);
    return { id, exhibit: exhibitNumbers.get(id) ?? null };
  };
  const reportChains = chains.map((chain, index) => toReportChain(chain, index + 1, { nodes, edges, name, cite }));
  const start = typeof result.meta.parameters.id === 'string' ? result.meta.parameters.id : null;
  return {
    title: `Chain-of-command evidence report${start ? `: ${name(start)}` : ''}`,
    asked: askedFacts(result, options, start, name, chains),
    notes: options.view?.notes.trim() ? options.view.notes.trim() : null,
    readingNotes,
    chains: reportChains,
    repeatedChains: all.length - chains.length,
    exhibits: [...exhibitNumbers.entries()].flatMap(([id, number]) => {
      const citation = result.citations[id];
      return number !== null && citation ? [toExhibit(number, citation)] : [];
    }),
  };
}

/** Chains through the same links in the same order are one chain, listed once (the first, the strongest). */
function uniqueChains(chains: Chain[]): Chain[] {
  const seen = new Set<string>();
  return chains.filter((chain) => {
    const key = chain.links.map((link) => link.edgeId).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function askedFacts(result: Result, options: ReportOptions, start: string | null, name: (id: string) => string, chains: Chain[]): ReportFact[] {
  const { query, parameters, truncated } = result.meta;
  // Said only when true: a submitted result may list its chains in any order.
  const ranks = chains.map((chain) => (chain.strength ? confidenceRank[chain.strength] : 0));
  const strongestFirst = chains.length > 1 && ranks.every((rank, i) => i === 0 || rank <= ranks[i - 1]!);
  const others = Object.entries(parameters).filter(([key]) => key !== 'id' && key !== 'asOf');
  const fact = (label: string, value: string): ReportFact => ({ label, value });
  return [
    fact('Generated', `${options.generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')} by xpf-explorer`),
    ...(options.analyst ? [fact('Analyst', plain(options.analyst))] : []),
    ...(options.view ? [fact('Saved view', plain(options.view.title))] : []),
    fact('Query', options.queryTitle ?? query.replace(/-/g, ' ')),
    ...(start ? [fact('Starting point', `${name(start)} (id ${start})`)] : []),
    ...('asOf' in parameters
      ? [
          fact(
            'As of',
            typeof parameters.asOf === 'string'
              ? `${parameters.asOf}; only links in force on that date count`
              : 'no date given; every link ever recorded counts, whatever its dates',
          ),
        ]
      : []),
    ...(others.length > 0 ? [fact('Other parameters', others.map(([key, value]) => `${key} = ${parameterText(value)}`).join('; '))] : []),
    fact(
      'Origin',
      options.origin === 'query'
        ? 'the server ran this query against the graph database to produce this report'
        : 'formatted from a result submitted to the export service; it was not re-run or checked against the graph database',
    ),
    ...(options.fingerprint
      ? [fact('Graph state', `fingerprint ${options.fingerprint} of every node and link stated here, as they stood when the report was made`)]
      : []),
    fact('Chains found', `${chains.length}${strongestFirst ? ', strongest first' : ''}`),
    ...(truncated ? [{ label: 'Incomplete', value: "the query's limit cut the answer; more chains exist than are listed here", warning: true }] : []),
  ];
}

const readingNotes = [
  'Synthetic records are not evidence. Records marked SYNTHETIC are generated test data that stand in for personal records while the tool is built and tested. They come from no leak and no source, and must not be cited.',
  'Confidence of each link, as recorded in the graph: confirmed (stated in the cited source); reported (reported by a source, but not confirmed by any source read); inferred (derived from the sources, for instance from where an office sits in the administrative hierarchy, not stated in them).',
  'A chain is only as strong as its weakest link. Its strength is the lowest confidence among its links, and its weakest link is named so it can be checked first.',
  'Links read upward, from the starting point towards the leadership; each states the relationship in that direction.',
  'Dates are given at the precision the source records: 2016-08 is a day in August 2016 that the source does not give. "start unknown" means no start is recorded; "open-ended" means no end is recorded.',
  'Exhibits are the documents cited by the links, numbered in the order first cited; a link names its sources by exhibit number.',
  "An analyst's notes are the analyst's own words: they are not evidence and no source stands behind them.",
];

interface Lookup {
  nodes: Map<string, ResultNode>;
  edges: Map<string, Result['edges'][number]>;
  name: (id: string) => string;
  cite: (id: string) => ReportSource;
}

function toReportChain(chain: Chain, number: number, lookup: Lookup): ReportChain {
  const { name } = lookup;
  const weakest = chain.weakestLink;
  return {
    number,
    from: name(chain.nodes[0] ?? ''),
    to: name(chain.nodes.at(-1) ?? ''),
    strength: chain.strength,
    throughHypothesis: chain.links.some((link) => link.edge?.type === HYPOTHESIS_EDGE_TYPE),
    weakest: weakest
      ? { number: weakest.number, from: name(weakest.from), caption: weakest.caption, to: name(weakest.to), confidence: weakest.confidence }
      : null,
    tied: weakest ? chain.links.filter((link) => link !== weakest && link.confidence === weakest.confidence).map((link) => link.number) : [],
    links: chain.links.map((link) => toReportLink(link, link === weakest, lookup)),
  };
}

function toReportLink(link: ChainLink, isWeakest: boolean, lookup: Lookup): ReportLink {
  const { edge } = link;
  const p = edge?.properties ?? {};
  const sources = Array.isArray(p.sources) ? p.sources.filter((id): id is string => typeof id === 'string') : [];
  return {
    number: link.number,
    from: lookup.name(link.from),
    caption: link.caption,
    to: lookup.name(link.to),
    present: edge !== undefined,
    dates: `${dateAtPrecision(p.from, p.fromPrecision) ?? 'start unknown'} to ${dateAtPrecision(p.to, p.toPrecision) ?? 'open-ended'}`,
    confidence: link.confidence,
    isWeakest,
    details: details(p),
    sources: sources.map(lookup.cite),
    synthetic: edge ? syntheticParts(link, lookup) : [],
    edgeId: link.edgeId,
    edgeType: edge?.type ?? null,
  };
}

/** The source's own words about a link, where the record keeps them. */
function details(p: Record<string, Json>): ReportFact[] {
  const line = (label: string, value: Json | undefined, suffix = ''): ReportFact[] =>
    typeof value === 'string' && value.trim() !== '' ? [{ label, value: `${plain(value)}${suffix}` }] : [];
  return [
    ...line('Post', p.title, p.head === true ? ' (heads the organisation)' : ''),
    ...line('Role', p.role),
    ...line('Reason recorded', p.recordedReason),
    ...line('Kinship', p.kinship),
    ...line("Source's wording", p.relation),
    ...line('Notes', p.notes),
  ];
}

function syntheticParts(link: ChainLink, lookup: Lookup): string[] {
  return [
    ...(link.edge?.properties.synthetic === true ? ['this link'] : []),
    ...[link.from, link.to].filter((id) => lookup.nodes.get(id)?.properties.synthetic === true).map(lookup.name),
  ];
}

function toExhibit(number: number, citation: Citation): Exhibit {
  return {
    number,
    id: citation.id,
    title: plain(citation.name),
    ...(citation.publisher ? { publisher: plain(citation.publisher) } : {}),
    ...(citation.date ? { date: citation.date } : {}),
    ...(citation.url ? { url: citation.url } : {}),
    ...(citation.collection ? { collection: withoutFilePaths(citation.collection) } : {}),
    accessed: citation.accessed ?? null,
  };
}

/** A name as a filing cites it: the record's name, with its Chinese characters beside it where the record has them. */
function nameWithChinese(node: ResultNode | undefined, id: string): string {
  const name = plain(nameOf(node, id));
  const chinese = typeof node?.properties.nameZh === 'string' ? plain(node.properties.nameZh) : '';
  return chinese && chinese !== name ? `${name} (${chinese})` : name;
}

function parameterText(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Text from the graph on one line: control characters and line breaks go, as a renderer lays out one line per value. */
export function plain(text: string): string {
  return text.replace(CONTROL_CHARACTERS_BUT_BREAKS, '').replace(/\s+/g, ' ').trim();
}

/** Control characters other than tab, LF and CR (which the whitespace rule folds into spaces). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: plain() strips them.
const CONTROL_CHARACTERS_BUT_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * A collection's name without the file it was read from ("Public record (shared/reference/x.json)"):
 * a filing names sources, not the layout of the machine that made it.
 */
export function withoutFilePaths(text: string): string {
  return plain(text.replace(/\s*\([^()]*[\\/][^()]*\)/g, '').replace(/(?:^|\s)\S*[\\/]\S*\.\w{2,5}\b/g, ''));
}

/** Words for one link's synthetic parts, after the word SYNTHETIC: "this link and Detainee A are generated test data, not evidence". */
export function syntheticSentence(parts: readonly string[]): string {
  const listed = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `${listed} ${parts.length === 1 ? 'is' : 'are'} generated test data, not evidence`;
}
