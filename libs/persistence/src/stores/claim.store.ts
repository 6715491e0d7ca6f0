import { todayInJapan, type ClaimDraft } from '@registry/domain';
import type { ClaimRecord, ClaimStatus, ClaimStore, ClaimType } from '@registry/ledger/ports';
import type { Sql } from './sql';

interface ClaimRow {
  id: string;
  type: ClaimType;
  applicant_id: string;
  certifier_id: string | null;
  status: ClaimStatus;
  draft: string;
  received_on: string | null;
  required_tonnes: string;
  rulebook_id: string | null;
  certification_number: string | null;
  certified_on: string | null;
  valid_from: string | null;
  valid_to: string | null;
  status_reason: string | null;
  true_up: string | null;
  created_seq: number | string;
  updated_seq: number | string;
  created_at: string;
  updated_at: string;
}

export class SqlClaimStore implements ClaimStore {
  constructor(private readonly sql: Sql) {}

  async insert(c: ClaimRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO claims (id, type, applicant_id, certifier_id, status, draft, received_on, required_tonnes, rulebook_id, certification_number,
         certified_on, valid_from, valid_to, status_reason, true_up, created_seq, updated_seq, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        c.id, c.type, c.applicantId, c.certifierId, c.status, JSON.stringify(c.draft), c.receivedOn, c.requiredTonnes, c.rulebookId, c.certificationNumber,
        c.certifiedOn, c.validFrom, c.validTo, c.statusReason, c.trueUp ? JSON.stringify(c.trueUp) : null, c.createdSeq,
        c.updatedSeq, c.createdAt, c.updatedAt,
      ],
    );
  }

  async update(c: ClaimRecord): Promise<void> {
    await this.sql.query(
      `UPDATE claims SET certifier_id = ?, status = ?, certification_number = ?, certified_on = ?, valid_from = ?, valid_to = ?,
         status_reason = ?, true_up = ?, updated_seq = ?, updated_at = ? WHERE id = ?`,
      [
        c.certifierId, c.status, c.certificationNumber, c.certifiedOn, c.validFrom, c.validTo, c.statusReason,
        c.trueUp ? JSON.stringify(c.trueUp) : null, c.updatedSeq, c.updatedAt, c.id,
      ],
    );
  }

  async updateDraft(c: ClaimRecord): Promise<void> {
    await this.sql.query(`UPDATE claims SET draft = ?, required_tonnes = ?, rulebook_id = ?, updated_seq = ?, updated_at = ? WHERE id = ? AND status = 'draft'`, [
      JSON.stringify(c.draft), c.requiredTonnes, c.rulebookId, c.updatedSeq, c.updatedAt, c.id,
    ]);
  }

  async findById(id: string): Promise<ClaimRecord | null> {
    const row = await this.sql.one<ClaimRow>(`SELECT * FROM claims WHERE id = ?`, [id]);
    return row ? toRecord(row) : null;
  }

  async countPlanApplications(applicantId: string, excludingId: string): Promise<number> {
    const row = await this.sql.one<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM claims WHERE applicant_id = ? AND type = 'CN_PLAN' AND id <> ? AND status <> 'draft'`,
      [applicantId, excludingId],
    );
    return Number(row?.n ?? 0);
  }

  async plansOf(applicantId: string): Promise<ClaimRecord[]> {
    const rows = await this.sql.query<ClaimRow>(`SELECT * FROM claims WHERE applicant_id = ? AND type = 'CN_PLAN' ORDER BY id`, [applicantId]);
    return rows.map(toRecord);
  }

  async addProvider(claimId: string, providerId: string, seq: number): Promise<void> {
    await this.sql.query(
      `INSERT INTO claim_providers (claim_id, provider_id, created_seq) VALUES (?, ?, ?) ON CONFLICT (claim_id, provider_id) DO NOTHING`,
      [claimId, providerId, seq],
    );
  }

  async removeProvider(claimId: string, providerId: string): Promise<boolean> {
    // Asked first: TypeORM answers a PostgreSQL DELETE as [rows, count], not as its rows. The writer's
    // transaction holds the journal head, so nothing changes in between.
    if (!(await this.isProvider(claimId, providerId))) return false;
    await this.sql.query(`DELETE FROM claim_providers WHERE claim_id = ? AND provider_id = ?`, [claimId, providerId]);
    return true;
  }

  async isProvider(claimId: string, providerId: string): Promise<boolean> {
    return (await this.sql.one(`SELECT 1 AS ok FROM claim_providers WHERE claim_id = ? AND provider_id = ?`, [claimId, providerId])) !== null;
  }

  async providersOf(claimId: string): Promise<string[]> {
    const rows = await this.sql.query<{ provider_id: string }>(`SELECT provider_id FROM claim_providers WHERE claim_id = ? ORDER BY created_seq, provider_id`, [claimId]);
    return rows.map((row) => row.provider_id);
  }
}

function toRecord(row: ClaimRow): ClaimRecord {
  return {
    id: row.id,
    type: row.type,
    applicantId: row.applicant_id,
    certifierId: row.certifier_id,
    status: row.status,
    // The column is the truth: the draft the rules judge carries it, whatever the stored JSON says.
    draft: { ...(JSON.parse(row.draft) as ClaimDraft), receivedOn: receivedOn(row) },
    receivedOn: receivedOn(row),
    requiredTonnes: row.required_tonnes,
    rulebookId: row.rulebook_id,
    certificationNumber: row.certification_number,
    certifiedOn: row.certified_on,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    statusReason: row.status_reason,
    trueUp: row.true_up ? JSON.parse(row.true_up) : null,
    createdSeq: Number(row.created_seq),
    updatedSeq: Number(row.updated_seq),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Rows written before the column existed were backfilled by its migration; this covers none left over. */
function receivedOn(row: ClaimRow): string {
  return row.received_on ?? todayInJapan(new Date(row.created_at));
}
