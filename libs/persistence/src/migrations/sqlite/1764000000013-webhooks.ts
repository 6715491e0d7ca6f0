import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks of organisations, their delivery log (one row per event and webhook: the outbox the
 * job queue drains, at least once), and the journal sequence the dispatcher has turned into
 * deliveries. The dispatcher starts at the current journal head: nobody subscribed to the past.
 */
export class Webhooks1764000000013 implements MigrationInterface {
  name = 'Webhooks1764000000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE webhooks (
      id varchar(36) PRIMARY KEY,
      organization_id varchar(36) NOT NULL REFERENCES organizations (id),
      url text NOT NULL,
      events text NOT NULL,
      secret text NOT NULL,
      previous_secret text,
      previous_secret_expires_at varchar(30),
      created_seq integer NOT NULL,
      created_at varchar(30) NOT NULL,
      deleted_at varchar(30)
    )`);
    await q.query(`CREATE INDEX ix_webhooks_organization ON webhooks (organization_id)`);
    await q.query(`CREATE TABLE webhook_deliveries (
      id varchar(40) PRIMARY KEY,
      webhook_id varchar(36) NOT NULL REFERENCES webhooks (id),
      event_id varchar(60) NOT NULL,
      event_type varchar(60) NOT NULL,
      body text NOT NULL,
      status varchar(12) NOT NULL,
      attempts integer NOT NULL,
      last_status_code integer,
      last_error varchar(300),
      created_at varchar(30) NOT NULL,
      last_attempt_at varchar(30),
      next_attempt_at varchar(30) NOT NULL,
      delivered_at varchar(30)
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_webhook_deliveries_event ON webhook_deliveries (event_id, webhook_id)`);
    await q.query(`CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at)`);
    await q.query(`CREATE INDEX ix_webhook_deliveries_webhook ON webhook_deliveries (webhook_id, created_at)`);
    await q.query(`CREATE TABLE webhook_dispatch_cursor (
      id integer PRIMARY KEY CHECK (id = 1),
      last_seq integer NOT NULL
    )`);
    await q.query(`INSERT INTO webhook_dispatch_cursor (id, last_seq) SELECT 1, seq FROM ledger_head WHERE id = 1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_dispatch_cursor`);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhooks`);
  }
}
