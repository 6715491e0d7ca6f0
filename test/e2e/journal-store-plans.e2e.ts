import { SqlJournalStore } from '@registry/persistence/stores/journal.store';
import { explainedSql } from '../support/explained-sql';
import { startTestApp, type TestApp } from '../support/test-app';

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
    const explained = await explainedSql(t);
    try {
      await new SqlJournalStore(explained.sql).claimEntries('00000000-0000-4000-8000-000000000000');
      expect(explained.plans).toHaveLength(1);
      const [plan] = explained.plans;
      expect(plan).not.toMatch(explained.postgres ? /Seq Scan on journal_entries/ : /SCAN e(?! USING)/);
      expect(plan).toMatch(/ix_journal_claim_entries/);
      expect(plan).toMatch(/ix_journal_claims_created/);
    } finally {
      await explained.release();
    }
  });
});
