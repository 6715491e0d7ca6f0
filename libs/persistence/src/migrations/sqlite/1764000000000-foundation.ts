import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE organizations (
      id varchar(36) PRIMARY KEY NOT NULL,
      name varchar(200) NOT NULL,
      corporate_number varchar(13),
      roles text NOT NULL,
      created_at varchar(30) NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_organizations_corporate_number ON organizations (corporate_number)`);
    await q.query(`CREATE TABLE api_keys (
      id varchar(36) PRIMARY KEY NOT NULL,
      organization_id varchar(36) NOT NULL REFERENCES organizations (id),
      lookup_id varchar(32) NOT NULL,
      secret_sha256 varchar(64) NOT NULL,
      label varchar(100),
      created_at varchar(30) NOT NULL,
      revoked_at varchar(30)
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_api_keys_lookup_id ON api_keys (lookup_id)`);
    await q.query(`CREATE INDEX ix_api_keys_organization ON api_keys (organization_id)`);
    await q.query(`CREATE TABLE job_runs (
      job_id varchar(100) PRIMARY KEY NOT NULL,
      name varchar(60) NOT NULL,
      processed_by varchar(60) NOT NULL,
      attempts integer NOT NULL,
      processed_at varchar(30) NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_runs`);
    await q.query(`DROP TABLE api_keys`);
    await q.query(`DROP TABLE organizations`);
  }
}
