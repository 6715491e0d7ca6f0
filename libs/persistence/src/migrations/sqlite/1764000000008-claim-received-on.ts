import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day (Japan time) the registry received each claim: it selects the rulebook and feeds every
 * date rule, instead of a date the applicant declares (API.md "Claims"). Existing claims were
 * received the day they were created (created_at is UTC, so + 9 hours).
 */
export class ClaimReceivedOn1764000000008 implements MigrationInterface {
  name = 'ClaimReceivedOn1764000000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims ADD COLUMN received_on varchar(10)`);
    await q.query(`UPDATE claims SET received_on = date(created_at, '+9 hours')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims DROP COLUMN received_on`);
  }
}
