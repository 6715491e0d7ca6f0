import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People who sign in (issue 19), their server-side sessions and the per-source sign-in throttle.
 * The checks keep what must never be stored out of the tables: a session row is keyed by a
 * SHA-256 (64 hex digits), never the cookie's token; a person row holds an Argon2id hash, never
 * a password.
 */
export class People1764000000016 implements MigrationInterface {
  name = 'People1764000000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE people (
      id varchar(36) PRIMARY KEY NOT NULL,
      organization_id varchar(36) NOT NULL REFERENCES organizations (id),
      email varchar(254) NOT NULL,
      password_hash varchar(200) NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
      roles text NOT NULL,
      created_at varchar(30) NOT NULL,
      disabled_at varchar(30),
      failed_sign_ins integer NOT NULL DEFAULT 0,
      failed_sign_ins_since varchar(30),
      locked_until varchar(30),
      password_changed_at varchar(30) NOT NULL
    )`);
    // Unique whatever the case, even for a row written around the normalising code.
    await q.query(`CREATE UNIQUE INDEX ux_people_email ON people (lower(email))`);
    await q.query(`CREATE INDEX ix_people_organization ON people (organization_id)`);
    await q.query(`CREATE TABLE sessions (
      id varchar(64) PRIMARY KEY NOT NULL CHECK (length(id) = 64),
      person_id varchar(36) NOT NULL REFERENCES people (id),
      created_at varchar(30) NOT NULL,
      last_seen_at varchar(30) NOT NULL,
      expires_at varchar(30) NOT NULL,
      revoked_at varchar(30)
    )`);
    await q.query(`CREATE INDEX ix_sessions_person ON sessions (person_id)`);
    await q.query(`CREATE TABLE sign_in_throttles (
      source_key varchar(64) PRIMARY KEY NOT NULL,
      failures integer NOT NULL,
      window_started_at varchar(30),
      locked_until varchar(30)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sign_in_throttles`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE people`);
  }
}
