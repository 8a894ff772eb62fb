// The query catalogue as a whole: it loads, every query is bounded, and a broken pair is refused.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CatalogueError, loadCatalogue } from '../server/graph/catalogue.ts';

describe('the curated query catalogue', () => {
  it('loads every query with its schema', async () => {
    const catalogue = await loadCatalogue();
    // Every .cypher file under contract/queries/ is in the catalogue, under its own file name.
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(new URL('../contract/queries/', import.meta.url), { recursive: true }))
      .filter((file) => file.endsWith('.cypher'))
      .map((file) => file.replace(/^.*\//, '').replace(/\.cypher$/, ''))
      .sort();
    expect([...catalogue.keys()].sort()).toEqual(files);
    expect(files.length).toBeGreaterThan(15);
  });

  it('bounds every read query: a LIMIT, a bounded variable-length pattern, or a lookup by id', async () => {
    for (const entry of (await loadCatalogue()).values()) {
      if (entry.mode !== 'read') continue;
      // Bounded: a LIMIT, a lookup of one node by id, of nodes by a list of ids the schema caps, one shortest path, or counts only.
      const cappedIdList = [...entry.cypher.matchAll(/\.id IN \$(\w+)/g)].some(([, param]) => {
        const list = entry.schema.shape[param!];
        return list !== undefined && typeof z.toJSONSchema(list, { unrepresentable: 'any' }).maxItems === 'number';
      });
      const bounded =
        /\bLIMIT\s+\$limit\b/.test(entry.cypher) ||
        /\{id: \$\w+\}/.test(entry.cypher) ||
        cappedIdList ||
        /SHORTEST 1 /.test(entry.cypher) ||
        /^RETURN \{/m.test(entry.cypher);
      expect(bounded, `${entry.file} is bounded`).toBe(true);
      expect(entry.cypher, `${entry.file} has no unbounded *`).not.toMatch(/\*\s*\]|\*\.\.\s*\]|\{\d+,\}/);
      if ('limit' in entry.schema.shape) expect(entry.cypher).toMatch(/LIMIT \$limit/);
    }
  });

  it('refuses to load when a schema is missing, a param is undeclared or a label is unknown', async () => {
    const root = await mkdtemp(join(tmpdir(), 'xpf-catalogue-'));
    await mkdir(join(root, 'bad'));
    await writeFile(join(root, 'bad', 'no-schema.cypher'), '// name: no-schema\n// title: t\n// description: d\n// returns: r\nRETURN 1');
    await writeFile(
      join(root, 'bad', 'drifted.cypher'),
      '// name: drifted\n// title: t\n// description: d\n// param id: the id\n// returns: r\nMATCH (n:Camp {id: $id})-[:RUNS]->(m) RETURN n, $extra LIMIT 1',
    );
    const defineQuery = new URL('../contract/queries/define-query.ts', import.meta.url).href;
    await writeFile(
      join(root, 'bad', 'drifted.ts'),
      `import { z } from 'zod';\nimport { evidenceQuery } from '${defineQuery}';\nexport const query = evidenceQuery({ name: 'drifted', params: z.object({ id: z.string() }) });\n`,
    );
    const failure = await loadCatalogue(root).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CatalogueError);
    const message = (failure as Error).message;
    expect(message).toContain('bad/no-schema.cypher: no zod schema beside it');
    expect(message).toContain('bad/drifted.cypher: body $params [extra,id] differ from zod keys [id]');
    expect(message).toContain('bad/drifted.cypher: label :Camp is not in model.ts');
    expect(message).toContain('bad/drifted.cypher: relationship type :RUNS is not in model.ts');
  });
});
