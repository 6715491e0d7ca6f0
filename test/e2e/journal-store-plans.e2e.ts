import { SqlJournalStore } from '@registry/persistence/stores/journal.store';
import type { Sql } from '@registry/persistence/stores/sql';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';

/**
 * A claim's history (the certifier's review page) reads that claim's journal entries through the
 * claim-id indexes of migration 0017, never the whole journal: a registry's journal grows by an
 * entry per retirement and per import batch, its claims' entries are a sliver of it.
 */
describe('journal store: a claim’s entries are read through its indexes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('claimEntries never scans journal_entries', async () => {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const postgres = TEST_ENGINE === 'postgres';
      // A small table is cheapest to scan; forbid that so the plan shows whether an index can serve.
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
      await new SqlJournalStore(sql).claimEntries('00000000-0000-4000-8000-000000000000');
      expect(plans).toHaveLength(1);
      const [plan] = plans;
      expect(plan).not.toMatch(postgres ? /Seq Scan on journal_entries/ : /SCAN e(?! USING)/);
      expect(plan).toMatch(/ix_journal_claim_entries/);
      expect(plan).toMatch(/ix_journal_claims_created/);
    } finally {
      await runner.release();
    }
  });
});
