// Applying the schema at start (GraphExecutor.applySchema) on the run's Neo4j: statements whose index
// the store holds are not run again, and a missing index is created and online before it returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queries } from '../../contract/queries/index.ts';
import { loadCatalogue, type Catalogue } from '../../server/graph/catalogue.ts';
import { GraphExecutor, schemaObjectName, schemaStatements, schemaStatementsToRun } from '../../server/graph/executor.ts';
import { testDriver } from '../support/neo4j.ts';

const driver = testDriver();
let graph: GraphExecutor;
let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = await loadCatalogue();
  graph = new GraphExecutor(driver, catalogue, { timeoutMs: 120_000 });
});
afterAll(() => driver.close());

const indexesInPlace = async () => new Map((await graph.records(queries.schemaState, { limit: 10_000 })).map((index) => [index.name, index.state]));

describe('applying the schema', () => {
  it('names every constraint and index it creates, each found in place under that name (a constraint by its backing index)', async () => {
    const statements = schemaStatements(catalogue.entry(queries.schema));
    expect(statements.length).toBeGreaterThan(30);
    expect(statements.filter((statement) => schemaObjectName(statement) === null)).toEqual([]);
    expect(new Set(statements.map(schemaObjectName)).size).toBe(statements.length);
    const inPlace = await indexesInPlace();
    expect(statements.map(schemaObjectName).filter((name) => !inPlace.has(name!))).toEqual([]);
  });

  it('runs no statement on a store that holds every index, and each one only where its index is missing', async () => {
    const statements = schemaStatements(catalogue.entry(queries.schema));
    const inPlace = await indexesInPlace();
    expect(schemaStatementsToRun(statements, inPlace)).toEqual([]);
    const withoutOne = new Map(inPlace);
    withoutOne.delete('note_to');
    expect(schemaStatementsToRun(statements, withoutOne)).toEqual([statements.find((statement) => schemaObjectName(statement) === 'note_to')]);
  });

  it('creates an index the store lost, online when it returns', async () => {
    // An index only notes are looked up by (notes between two records): queries stay correct without it meanwhile.
    await driver.executeQuery('DROP INDEX note_to IF EXISTS');
    expect((await indexesInPlace()).has('note_to')).toBe(false);
    await graph.applySchema(queries.schema);
    expect((await indexesInPlace()).get('note_to')).toBe('ONLINE');
  });
});
