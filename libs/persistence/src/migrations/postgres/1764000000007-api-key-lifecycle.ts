import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Optional expiry and a coarse last-use instant for API keys; existing keys stay valid (both NULL). */
export class ApiKeyLifecycle1764000000007 implements MigrationInterface {
  name = 'ApiKeyLifecycle1764000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_keys ADD COLUMN expires_at varchar(30)`);
    await q.query(`ALTER TABLE api_keys ADD COLUMN last_used_at varchar(30)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_keys DROP COLUMN last_used_at`);
    await q.query(`ALTER TABLE api_keys DROP COLUMN expires_at`);
  }
}
