// A mapping document from its text (YAML or JSON, told by the file's extension or its first
// character), upgraded and checked: every problem named by its path in the document.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { upgradeMapping, type MappingDocument } from '../../../contract/api/import-mapping.ts';

export class MappingError extends Error {
  override name = 'MappingError';
  constructor(
    readonly file: string,
    readonly problems: { field: string; reason: string }[],
  ) {
    super(problems.map((problem) => `${file}: ${problem.field}: ${problem.reason}`).join('\n'));
  }
}

export function parseMapping(file: string, text: string): MappingDocument {
  let document: unknown;
  try {
    document = extname(file).toLowerCase() === '.json' || text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new MappingError(file, [
      { field: '(file)', reason: `not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}` },
    ]);
  }
  try {
    return upgradeMapping(document);
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    throw new MappingError(
      file,
      error.issues.flatMap((issue) =>
        issue.code === 'unrecognized_keys'
          ? issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), reason: 'is not a field of a mapping' }))
          : [{ field: issue.path.join('.') || '(mapping)', reason: issue.message }],
      ),
    );
  }
}

export async function loadMapping(file: string): Promise<MappingDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new MappingError(file, [{ field: '(file)', reason: `cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }]);
  }
  return parseMapping(file, text);
}
