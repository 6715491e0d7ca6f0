import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SQLITE_MIGRATIONS } from '../index';

const THIS = 'CertificationProcess1764000000009';

/**
 * The claims table is rebuilt to widen its status CHECK (2.3.7 withdrawal_requested): rows, the
 * certifier-independence CHECK, indexes and the foreign keys pointing at claims survive.
 */
describe('migration CertificationProcess (SQLite)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'registry-migration-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every claim and its constraints, and accepts withdrawal_requested', async () => {
    const path = join(dir, 'registry.sqlite');
    const index = SQLITE_MIGRATIONS.findIndex((m) => m.name === THIS);
    const before = new DataSource({ type: 'better-sqlite3', database: path, migrations: SQLITE_MIGRATIONS.slice(0, index) });
    await before.initialize();
    await before.runMigrations({ transaction: 'each' });
    const now = '2026-11-30T00:00:00Z';
    for (const id of ['a', 'c']) {
      await before.query(`INSERT INTO organizations (id, name, roles, created_at) VALUES (?, ?, '["applicant"]', ?)`, [id, id, now]);
    }
    await before.query(
      `INSERT INTO claims (id, type, applicant_id, certifier_id, status, draft, required_tonnes, created_seq, updated_seq, created_at, updated_at)
       VALUES ('k', 'CN', 'a', 'c', 'certified', '{}', '3', 1, 1, ?, ?)`,
      [now, now],
    );
    await before.query(`INSERT INTO claim_providers (claim_id, provider_id, created_seq) VALUES ('k', 'c', 1)`);
    await before.destroy();

    const after = new DataSource({ type: 'better-sqlite3', database: path, migrations: SQLITE_MIGRATIONS.slice(0, index + 1) });
    await after.initialize();
    await after.runMigrations({ transaction: 'each' });
    expect(await after.query(`SELECT id, status, certifier_id FROM claims`)).toEqual([{ id: 'k', status: 'certified', certifier_id: 'c' }]);
    await after.query(`UPDATE claims SET status = 'withdrawal_requested' WHERE id = 'k'`);
    await expect(after.query(`UPDATE claims SET status = 'lost' WHERE id = 'k'`)).rejects.toThrow(/CHECK/);
    await expect(after.query(`UPDATE claims SET certifier_id = 'a' WHERE id = 'k'`)).rejects.toThrow(/ck_claims_certifier_independent/);
    await expect(after.query(`INSERT INTO claim_providers (claim_id, provider_id, created_seq) VALUES ('nope', 'c', 2)`)).rejects.toThrow(/FOREIGN KEY/);
    const indexes = (await after.query(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claims' AND sql IS NOT NULL`)).map((r: { name: string }) => r.name);
    expect(indexes.sort()).toEqual(['ix_claims_applicant', 'ix_claims_register']);
    expect(await after.query(`PRAGMA foreign_keys`)).toEqual([{ foreign_keys: 1 }]);

    // Down: the old status list again, the process tables gone, the claim kept.
    await after.query(`UPDATE claims SET status = 'withdrawn' WHERE id = 'k'`);
    await expect(after.undoLastMigration({ transaction: 'each' })).rejects.toThrow(/outside a transaction/);
    await after.undoLastMigration({ transaction: 'none' });
    await expect(after.query(`UPDATE claims SET status = 'withdrawal_requested' WHERE id = 'k'`)).rejects.toThrow(/CHECK/);
    expect(await after.query(`SELECT name FROM sqlite_master WHERE name IN ('claim_verifications', 'claim_process_events')`)).toEqual([]);
    expect(await after.query(`SELECT id, status FROM claims`)).toEqual([{ id: 'k', status: 'withdrawn' }]);
    await after.destroy();
  }, 30_000); // every migration twice over: under a second alone, past jest's 5 s beside the other suites in CI
});
