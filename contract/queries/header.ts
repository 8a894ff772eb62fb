// Parses the comment header of a curated .cypher file and lists what its body refers to.
// The header is plain Cypher comments so the file still runs as-is in cypher-shell.

export interface QueryHeader {
  name: string;
  title: string;
  description: string;
  /** Parameter name -> explanation, in header order. Types live only in the paired zod schema. */
  params: Record<string, string>;
  returns: string;
  /** `read` queries run in read transactions; `write` is kept for schema and seed statements. */
  mode: 'read' | 'write';
}

export class HeaderError extends Error {}

const KEY_LINE = /^\/\/ (name|title|description|returns|mode):\s?(.*)$/;
const PARAM_LINE = /^\/\/ param (\w+):\s*(.+)$/;
const CONTINUATION = /^\/\/ {3,}(.*)$/;

/** Reads the leading `// key: value` lines; the first line that is not a comment ends the header. */
export function parseHeader(text: string, fileName: string): QueryHeader {
  const fields: Record<string, string> = {};
  const params: Record<string, string> = {};
  let last: { kind: 'field'; key: string } | { kind: 'param'; name: string } | null = null;

  for (const line of text.split('\n')) {
    if (!line.startsWith('//')) break;
    const param = PARAM_LINE.exec(line);
    if (param) {
      const [, paramName, explanation] = param as unknown as [string, string, string];
      if (paramName in params) throw new HeaderError(`${fileName}: parameter "${paramName}" is listed twice`);
      params[paramName] = explanation.trim();
      last = { kind: 'param', name: paramName };
      continue;
    }
    if (line.startsWith('// param')) throw new HeaderError(`${fileName}: "// param" needs "name: explanation", got "${line}"`);
    const key = KEY_LINE.exec(line);
    if (key) {
      const [, field, value] = key as unknown as [string, string, string];
      if (field in fields) throw new HeaderError(`${fileName}: header field "${field}" is given twice`);
      fields[field] = value.trim();
      last = { kind: 'field', key: field };
      continue;
    }
    const continuation = CONTINUATION.exec(line);
    if (continuation && last) {
      const more = ` ${(continuation[1] ?? '').trim()}`;
      if (last.kind === 'param') params[last.name] += more;
      else fields[last.key] += more;
      continue;
    }
    // Any other comment line is a note for readers (why a ceiling, what it costs): it ends continuations.
    last = null;
  }

  for (const required of ['name', 'title', 'description', 'returns'] as const) {
    if (!fields[required]) throw new HeaderError(`${fileName}: header field "${required}" is missing`);
  }
  const mode = fields.mode ?? 'read';
  if (mode !== 'read' && mode !== 'write') {
    throw new HeaderError(`${fileName}: header field "mode" must be read or write, got "${mode}"`);
  }
  return {
    name: fields.name!,
    title: fields.title!,
    description: fields.description!,
    params,
    returns: fields.returns!,
    mode,
  };
}

/** The statement without its comments, as sent to Neo4j. */
export function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .trim();
}

/** `$name` parameters the body uses, in first-use order. */
export function bodyParameters(body: string): string[] {
  return [...new Set([...withoutStrings(body).matchAll(/\$(\w+)/g)].map((m) => m[1]!))];
}

/**
 * Node labels (`:PascalCase`, also `|PascalCase` in a label expression) and the relationship types
 * inside relationship patterns (`-[r:A|B]-`) that the body names.
 */
export function bodyVocabulary(body: string): { labels: string[]; types: string[] } {
  const code = withoutStrings(body);
  const labels = new Set([...code.matchAll(/[:|]\s*(_?[A-Z][a-z]\w*)/g)].map((m) => m[1]!));
  const types = new Set<string>();
  for (const pattern of code.matchAll(/-\[([^\]]*)\]/g)) {
    const typeExpression = /^\s*\w*\s*:\s*([A-Z0-9_|&!%:\s]+)/.exec(pattern[1]!)?.[1] ?? '';
    for (const type of typeExpression.split(/[|&!%:\s]+/)) if (type) types.add(type);
  }
  return { labels: [...labels], types: [...types] };
}

/** Blanks out string literals so text inside quotes is never read as a label, type or parameter. */
function withoutStrings(body: string): string {
  return body.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
}
