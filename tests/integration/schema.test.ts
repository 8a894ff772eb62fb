// Applying the schema at start (GraphExecutor.applySchema) on the run's Neo4j: statements whose
// constraint or index the store holds are not run again, and a missing index is created and online
// before it returns. Nothing here drops an index the app uses: other files run applySchema on the same
// Neo4j at the same time, and two creations of one index at once fail (EquivalentSchemaRuleAlreadyExists).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queries } from '../../contract/queries/index.ts';
import { Catalogue, loadCatalogue } from '../../server/graph/catalogue.ts';
import { GraphExecutor } from '../../server/graph/executor.ts';
import { schemaInPlace, schemaObjectOf, schemaStatements, schemaStatementsToRun } from '../../server/graph/schema-statements.ts';
import { testDriver } from '../support/neo4j.ts';

const driver = testDriver();
let graph: GraphExecutor;
let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await loadCatalogue();
  graph = new GraphExecutor(driver, catalogue, { timeoutMs: 120_000 });
});
/** An index of this file's own, on a label nothing else has: created and dropped here alone. */
const SCRATCH = 'xpf_schema_test_scratch';
afterAll(async () => {
  await driver.executeQuery(`DROP INDEX ${SCRATCH} IF EXISTS`);
  await driver.close();
});

const indexesInPlace = () => graph.records(queries.schemaState, { limit: 10_000 });

describe('applying the schema', () => {
  it('says what each statement creates, and the store started by the run holds each under that name and kind', async () => {
    const statements = schemaStatements(catalogue.entry(queries.schema));
    expect(statements.length).toBeGreaterThan(30);
    const created = statements.map(schemaObjectOf);
    expect(created.filter((object) => object === null)).toEqual([]);
    expect(new Set(created.map((object) => object!.name)).size).toBe(statements.length);
    const inPlace = schemaInPlace(await indexesInPlace());
    expect(created.map((object) => `${object!.kind} ${object!.name}`).filter((key) => !inPlace.has(key))).toEqual([]);
  });

  it('runs no statement on a store that holds everything, and exactly those whose constraint or index is missing', async () => {
    const statements = schemaStatements(catalogue.entry(queries.schema));
    const indexes = await indexesInPlace();
    expect(schemaStatementsToRun(statements, schemaInPlace(indexes))).toEqual([]);
    const statementOf = (name: string) => statements.find((statement) => schemaObjectOf(statement)?.name === name);
    // One index gone, one constraint gone: each one's statement, and no other.
    const without = indexes.filter((index) => index.name !== 'note_to' && index.owningConstraint !== 'case_id');
    expect(schemaStatementsToRun(statements, schemaInPlace(without))).toEqual([statementOf('case_id'), statementOf('note_to')].sort(byPlaceIn(statements)));
    // A plain index that has a constraint's name is not the constraint: its statement still runs (and fails, as it did before).
    const impostor = [...without, { name: 'case_id', state: 'ONLINE', owningConstraint: null }];
    expect(schemaStatementsToRun(statements, schemaInPlace(impostor))).toContain(statementOf('case_id'));
  });

  it('creates an index the store lacks, online when it returns, and leaves one in place alone', async () => {
    const scratch = new Catalogue(catalogue);
    scratch.set('schema', { ...catalogue.entry(queries.schema), cypher: `CREATE INDEX ${SCRATCH} IF NOT EXISTS FOR (n:_SchemaTestScratch) ON (n.probe)` });
    const own = new GraphExecutor(driver, scratch, { timeoutMs: 120_000 });
    await driver.executeQuery(`DROP INDEX ${SCRATCH} IF EXISTS`);
    await own.applySchema(queries.schema);
    const created = (await indexesInPlace()).find((index) => index.name === SCRATCH);
    expect(created?.state).toBe('ONLINE');
    await own.applySchema(queries.schema);
    expect((await indexesInPlace()).filter((index) => index.name === SCRATCH)).toEqual([created]);
  });
});

function byPlaceIn(statements: readonly string[]) {
  return (a: string | undefined, b: string | undefined) => statements.indexOf(a!) - statements.indexOf(b!);
}
