import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Claims (CN, CN plan, CFP). A claim's status changes in place (journaled), unlike the ledger's
 * blocks and retirements; the facts a retirement states about its credits are kept with it.
 */
export class Claims1764000000002 implements MigrationInterface {
  name = 'Claims1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE claims (
      id varchar(36) PRIMARY KEY NOT NULL,
      type varchar(10) NOT NULL CHECK (type IN ('CN', 'CN_PLAN', 'CFP')),
      applicant_id varchar(36) NOT NULL REFERENCES organizations (id),
      status varchar(12) NOT NULL CHECK (status IN ('draft', 'submitted', 'certified', 'suspended', 'revoked', 'withdrawn')),
      draft text NOT NULL,
      required_tonnes text NOT NULL,
      rulebook_id varchar(40),
      certification_number varchar(40) UNIQUE,
      certified_on varchar(10),
      valid_from varchar(10),
      valid_to varchar(10),
      status_reason varchar(1000),
      true_up text,
      created_seq integer NOT NULL,
      updated_seq integer NOT NULL,
      created_at varchar(30) NOT NULL,
      updated_at varchar(30) NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_claims_applicant ON claims (applicant_id, type)`);
    await q.query(`CREATE INDEX ix_claims_register ON claims (certified_on, id) WHERE certification_number IS NOT NULL`);
    await q.query(`CREATE TABLE claim_providers (
      claim_id varchar(36) NOT NULL REFERENCES claims (id),
      provider_id varchar(36) NOT NULL REFERENCES organizations (id),
      created_seq integer NOT NULL,
      PRIMARY KEY (claim_id, provider_id)
    )`);
    await q.query(`ALTER TABLE retirements ADD COLUMN credit_facts text`);
    await q.query(`CREATE INDEX ix_retirements_claim ON retirements (claim_id) WHERE claim_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_retirements_claim`);
    await q.query(`ALTER TABLE retirements DROP COLUMN credit_facts`);
    await q.query(`DROP TABLE claim_providers`);
    await q.query(`DROP TABLE claims`);
  }
}
