import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A claim's own journal entries (the certifier's history of it) by the claim id in their payload:
 * without these a claim's history read every claim.* entry of the journal.
 * The expressions and predicates are the ones JournalStore.claimEntries states, as a planner matches them.
 */
export class ClaimJournalIndex1764000000017 implements MigrationInterface {
  name = 'ClaimJournalIndex1764000000017';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_journal_claim_entries ON journal_entries (json_extract(payload, '$.claimId')) WHERE substr(type, 1, 6) = 'claim.'`);
    await q.query(`CREATE INDEX ix_journal_claims_created ON journal_entries (json_extract(payload, '$.id')) WHERE type = 'claim.created'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX ix_journal_claims_created');
    await q.query('DROP INDEX ix_journal_claim_entries');
  }
}
