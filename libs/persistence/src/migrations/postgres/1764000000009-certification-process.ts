import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CLAIM_STATUSES_AFTER, CLAIM_STATUSES_BEFORE, claimProcessTables } from '../claim-process-tables';

/**
 * The certification process (issue 16): verification reports, the process steps kept with each
 * claim (recommendations, sanctions, withdrawal requests, change notifications), and the status
 * `withdrawal_requested` (2.3.7), which needs a wider column.
 */
export class CertificationProcess1764000000009 implements MigrationInterface {
  name = 'CertificationProcess1764000000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims ALTER COLUMN status TYPE varchar(20)`);
    await q.query(`ALTER TABLE claims DROP CONSTRAINT claims_status_check`);
    await q.query(`ALTER TABLE claims ADD CONSTRAINT claims_status_check CHECK (status IN (${CLAIM_STATUSES_AFTER}))`);
    for (const statement of claimProcessTables('bigint')) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claim_process_events`);
    await q.query(`DROP TABLE claim_verifications`);
    await q.query(`ALTER TABLE claims DROP CONSTRAINT claims_status_check`);
    await q.query(`ALTER TABLE claims ADD CONSTRAINT claims_status_check CHECK (status IN (${CLAIM_STATUSES_BEFORE}))`);
    await q.query(`ALTER TABLE claims ALTER COLUMN status TYPE varchar(12)`);
  }
}
