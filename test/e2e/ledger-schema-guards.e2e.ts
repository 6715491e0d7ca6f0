import { randomUUID } from 'node:crypto';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';

/**
 * The schema is the last line of defence: even SQL that bypasses the application cannot make two
 * live blocks overlap, nor change or delete a retired block, a retirement or a journal entry.
 */
describe(`ledger schema guards (${TEST_ENGINE})`, () => {
  let t: TestApp;
  let orgId: string;
  const p = (n: number) => (TEST_ENGINE === 'postgres' ? `$${n}` : '?');
  const ns = 'JCREDIT_REGISTRY:JCL-ERL-R012';

  async function sql(text: string, params: unknown[] = []) {
    let i = 0;
    return t.dataSource.query(text.replace(/\?/g, () => p(++i)), params);
  }

  async function insertBlock(start: number, end: number, status: 'held' | 'retired', retirementId: string | null = null) {
    const id = randomUUID();
    await sql(
      `INSERT INTO serial_blocks (id, scheme, namespace, start_serial, end_serial, attributes, status, owner_id, retirement_id, created_seq)
       VALUES (?, 'JCREDIT', ?, ?, ?, '{}', ?, ?, ?, 1)`,
      [id, ns, String(start), String(end), status, orgId, retirementId],
    );
    return id;
  }

  async function insertRetirement() {
    const id = randomUUID();
    await sql(
      `INSERT INTO retirements (id, organization_id, quantity, retired_on, beneficiary, purpose, serials, certificate_number, created_seq, created_at)
       VALUES (?, ?, '10', '2026-01-01', 'b', 'p', '[]', ?, 1, '2026-01-01T00:00:00Z')`,
      [id, orgId, `RC-T-${id.slice(0, 8)}`],
    );
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    orgId = randomUUID();
    await sql(`INSERT INTO organizations (id, name, roles, created_at) VALUES (?, 'o', '["provider"]', '2026-01-01T00:00:00Z')`, [orgId]);
  });
  afterAll(() => t.close());

  it('refuses an overlapping live block, whatever its position', async () => {
    const retirementId = await insertRetirement();
    await insertBlock(1000, 1999, 'retired', retirementId);
    for (const [s, e] of [[1000, 1000], [1999, 2500], [500, 1000], [0, 5000], [1500, 1600]]) {
      await expect(insertBlock(s, e, 'retired', await insertRetirement())).rejects.toThrow(/overlap|exclusion|SERIAL_OVERLAP/i);
      await expect(insertBlock(s, e, 'held')).rejects.toThrow(/overlap|exclusion|SERIAL_OVERLAP/i);
    }
    await expect(insertBlock(2000, 2999, 'held')).resolves.toBeDefined();
    await expect(insertBlock(0, 999, 'held')).resolves.toBeDefined();
  });

  it('refuses any update or delete of a retired block', async () => {
    const retirementId = await insertRetirement();
    const id = await insertBlock(10_000, 10_099, 'retired', retirementId);
    await expect(sql(`UPDATE serial_blocks SET end_serial = 10050 WHERE id = ?`, [id])).rejects.toThrow(/IMMUTABLE_BLOCK/);
    await expect(sql(`UPDATE serial_blocks SET owner_id = NULL WHERE id = ?`, [id])).rejects.toThrow(/IMMUTABLE_BLOCK/);
    await expect(sql(`UPDATE serial_blocks SET status = 'held', retirement_id = NULL WHERE id = ?`, [id])).rejects.toThrow(/IMMUTABLE_BLOCK/);
    await expect(sql(`UPDATE serial_blocks SET closed_seq = 5, closed_reason = 'void' WHERE id = ?`, [id])).rejects.toThrow(/IMMUTABLE_BLOCK/);
    await expect(sql(`DELETE FROM serial_blocks WHERE id = ?`, [id])).rejects.toThrow(/IMMUTABLE_BLOCK/);
    const rows = await sql(`SELECT status, closed_seq FROM serial_blocks WHERE id = ?`, [id]);
    expect(rows).toEqual([{ status: 'retired', closed_seq: null }]);
  });

  it('lets a retired block close only after its void is recorded', async () => {
    const retirementId = await insertRetirement();
    const id = await insertBlock(20_000, 20_009, 'retired', retirementId);
    await sql(`INSERT INTO retirement_voids (retirement_id, reason, actor, created_seq, created_at) VALUES (?, 'entered in error', 'admin', 2, '2026-01-02T00:00:00Z')`, [retirementId]);
    await sql(`UPDATE serial_blocks SET closed_seq = 2, closed_reason = 'void' WHERE id = ?`, [id]);
    await expect(sql(`UPDATE serial_blocks SET closed_seq = 3 WHERE id = ?`, [id])).rejects.toThrow(/IMMUTABLE_BLOCK/);
    await expect(insertBlock(20_000, 20_009, 'held')).resolves.toBeDefined();
  });

  it('lets a held block close once by a split, and never change otherwise', async () => {
    const id = await insertBlock(30_000, 30_099, 'held');
    await expect(sql(`UPDATE serial_blocks SET owner_id = NULL WHERE id = ?`, [id])).rejects.toThrow(/IMMUTABLE_BLOCK/);
    await expect(sql(`UPDATE serial_blocks SET closed_seq = 4, closed_reason = 'void' WHERE id = ?`, [id])).rejects.toThrow(/IMMUTABLE_BLOCK/);
    await sql(`UPDATE serial_blocks SET closed_seq = 4, closed_reason = 'split' WHERE id = ?`, [id]);
    await expect(sql(`DELETE FROM serial_blocks WHERE id = ?`, [id])).rejects.toThrow(/IMMUTABLE_BLOCK/);
  });

  it('keeps retirements, voids and journal entries append-only', async () => {
    const retirementId = await insertRetirement();
    await sql(`INSERT INTO journal_entries (seq, type, payload, actor, recorded_at, prev_hash, hash) VALUES (1, 't', '{}', 'a', 'x', 'p', 'h')`);
    await expect(sql(`UPDATE journal_entries SET payload = '{"x":1}' WHERE seq = 1`)).rejects.toThrow(/APPEND_ONLY/);
    await expect(sql(`DELETE FROM journal_entries WHERE seq = 1`)).rejects.toThrow(/APPEND_ONLY/);
    await expect(sql(`UPDATE retirements SET beneficiary = 'someone else' WHERE id = ?`, [retirementId])).rejects.toThrow(/APPEND_ONLY/);
    await expect(sql(`DELETE FROM retirements WHERE id = ?`, [retirementId])).rejects.toThrow(/APPEND_ONLY/);
    await expect(sql(`UPDATE retirements SET certificate_number = 'RC-0-1' WHERE id = ?`, [retirementId])).rejects.toThrow(/APPEND_ONLY/);
  });
});
