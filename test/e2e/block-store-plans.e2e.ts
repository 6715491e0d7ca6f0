import { SqlBlockStore } from '@registry/persistence/stores/block.store';
import { explainedSql } from '../support/explained-sql';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The ledger's hot reads must walk the partial indexes. A planner uses a partial index only when the
 * query states its predicate; when migration 0005 narrowed it (… AND identity_duplicate = 0), queries
 * that did not say so scanned the whole table and lookups fell to a third of their speed.
 */
describe('block store queries use the live-block indexes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('liveOverlapping, liveOverlappingPage, statusPage and liveDuplicates never scan serial_blocks', async () => {
    const { sql, plans, postgres, release } = await explainedSql(t);
    try {
      const store = new SqlBlockStore(sql);
      await store.liveOverlapping('JCREDIT_REGISTRY:JCL-ERL-P1', 1n, 5n);
      await store.liveOverlappingPage('JCREDIT_REGISTRY:JCL-ERL-P1', 1n, 5n, 1001);
      await store.liveDuplicates();
      await store.statusPage('JCREDIT_REGISTRY:JCL-ERL-P1', 1n, 5n, 1001);
      expect(plans).toHaveLength(4); // liveOverlappingPage and statusPage read live blocks and marked duplicates in one statement each
      for (const plan of plans) {
        expect(plan).not.toMatch(postgres ? /Seq Scan on serial_blocks/ : /SCAN serial_blocks(?! USING)/);
        expect(plan).toMatch(/ux_serial_blocks_live|ix_serial_blocks_duplicates/);
      }
    } finally {
      await release();
    }
  });
});
