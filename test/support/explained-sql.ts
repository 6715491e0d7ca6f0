import type { Sql } from '@registry/persistence/stores/sql';
import type { TestApp } from './test-app';
import { TEST_ENGINE } from './test-engine';

export interface ExplainedSql {
  /** Runs nothing: every statement given to it is EXPLAINed instead, and its plan kept in `plans`. */
  sql: Sql;
  plans: string[];
  postgres: boolean;
  release(): Promise<void>;
}

/**
 * A Sql for plan tests on either engine: a store given it records the plan of each statement it would
 * run. On PostgreSQL sequential scans are switched off: an empty table is cheapest to scan, and the
 * plan must show whether an index can serve.
 */
export async function explainedSql(t: TestApp): Promise<ExplainedSql> {
  const runner = t.dataSource.createQueryRunner();
  await runner.connect();
  const postgres = TEST_ENGINE === 'postgres';
  if (postgres) await runner.query('SET enable_seqscan = off');
  const plans: string[] = [];
  const sql: Sql = {
    postgres,
    query: async (text, params = []) => {
      let n = 0;
      const rows: Record<string, string>[] = await runner.query(`EXPLAIN ${postgres ? '' : 'QUERY PLAN '}${postgres ? text.replace(/\?/g, () => `$${++n}`) : text}`, params);
      plans.push(rows.map((r) => r['QUERY PLAN'] ?? r.detail).join('\n'));
      return [];
    },
    one: async () => null,
  };
  return { sql, plans, postgres, release: () => runner.release() };
}
