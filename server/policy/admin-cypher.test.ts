// refusalOf(): admin Cypher runs only on plans that stay inside the evidence graph and call listed procedures.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../graph/executor.ts';
import { holdsAppRecord, refusalOf } from './admin-cypher.ts';

const step = (operatorType: string, details = '', ...children: Plan[]): Plan => ({
  operatorType: `${operatorType}@neo4j`,
  arguments: { Details: details },
  children,
});

describe('refusalOf', () => {
  it('lets evidence reads through', () => {
    expect(refusalOf(step('ProduceResults', 'n', step('NodeUniqueIndexSeek', 'UNIQUE n:Official(id) WHERE id = $id')))).toBeNull();
    expect(refusalOf(step('ProduceResults', '', step('Expand(All)', '(n)-[r:HELD_POST]->(m)', step('NodeByLabelScan', 'n:Person'))))).toBeNull();
    expect(refusalOf(step('ProduceResults', '', step('ProcedureCall', 'db.labels() :: (label :: STRING)')))).toBeNull();
  });

  it('refuses the app’s own records, wherever in the plan they are read', () => {
    expect(refusalOf(step('ProduceResults', '', step('NodeByLabelScan', 'u:_User')))).toMatch(/app’s own records/);
    const nested = step(
      'ProduceResults',
      '',
      step('SemiApply', '', step('NodeByLabelScan', 'n:Official'), step('NodeIndexSeek', 'RANGE INDEX s:_Session(userId)')),
    );
    expect(refusalOf(nested)).toMatch(/app’s own records/);
    expect(refusalOf(step('ProduceResults', '', step('NodeCountFromCountStore', 'count( (:_View) ) AS c')))).toMatch(/app’s own records/);
  });

  it('refuses scans of every node, internal ids, loads, writes and administration', () => {
    for (const operator of [
      'AllNodesScan',
      'NodeByIdSeek',
      'NodeByElementIdSeek',
      'LoadCSV',
      'Create',
      'SetProperty',
      'TerminateTransactions',
      'ShowTransactions',
      'ShowSettings',
    ]) {
      expect(refusalOf(step('ProduceResults', '', step(operator))), operator).toMatch(new RegExp(`may not use ${operator}`));
    }
  });

  it('refuses procedures that are not listed: cache clearing, dbms.*', () => {
    expect(refusalOf(step('ProcedureCall', 'db.clearQueryCaches() :: (value :: STRING)'))).toMatch(/not db.clearQueryCaches/);
    expect(refusalOf(step('ProcedureCall', 'dbms.listConfig($autostring_0) :: (name :: STRING)'))).toMatch(/not dbms.listConfig/);
  });

  it('spots an app record in an answer', () => {
    expect(holdsAppRecord({ n: { labels: ['_User'], properties: { passwordHash: 'x' } } })).toBe(true);
    expect(holdsAppRecord({ n: { labels: ['Entity', 'Person'], properties: {} }, count: 3 })).toBe(false);
  });
});
