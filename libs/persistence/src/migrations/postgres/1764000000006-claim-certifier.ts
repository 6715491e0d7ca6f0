import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The certification body assigned to each claim (admin): only it may certify, suspend, reinstate
 * or revoke the claim. Existing claims get none, so nobody acts on them until the admin assigns
 * one. The CHECK keeps the applicant from ever being its own certifier (CN 2.1.1 ②), whatever
 * writes the row.
 */
export class ClaimCertifier1764000000006 implements MigrationInterface {
  name = 'ClaimCertifier1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims ADD COLUMN certifier_id varchar(36) REFERENCES organizations (id)`);
    await q.query(`ALTER TABLE claims ADD CONSTRAINT ck_claims_certifier_independent CHECK (certifier_id IS NULL OR certifier_id <> applicant_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims DROP CONSTRAINT ck_claims_certifier_independent`);
    await q.query(`ALTER TABLE claims DROP COLUMN certifier_id`);
  }
}
