import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The lists read newest first (by journal sequence) within what a caller may see. */
export class ListIndexes1764000000014 implements MigrationInterface {
  name = 'ListIndexes1764000000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ix_retirements_seq ON retirements (created_seq)`);
    await q.query(`CREATE INDEX ix_retirements_organization_seq ON retirements (organization_id, created_seq)`);
    await q.query(`CREATE INDEX ix_claims_seq ON claims (created_seq)`);
    await q.query(`CREATE INDEX ix_claims_certifier ON claims (certifier_id, created_seq)`);
    await q.query(`CREATE INDEX ix_claim_providers_provider ON claim_providers (provider_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['ix_claim_providers_provider', 'ix_claims_certifier', 'ix_claims_seq', 'ix_retirements_organization_seq', 'ix_retirements_seq']) {
      await q.query(`DROP INDEX ${index}`);
    }
  }
}
