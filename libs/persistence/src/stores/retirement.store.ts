import type { RetirementEvidenceRecord, RetirementRecord, RetirementStore, RetirementVoidRecord } from '@registry/ledger/ports';
import type { Sql } from './sql';

interface RetirementRow {
  id: string;
  organization_id: string;
  api_key_id: string | null;
  quantity: string;
  retired_on: string;
  beneficiary: string;
  purpose: string;
  claim_id: string | null;
  evidence_registry: string | null;
  evidence_reference: string | null;
  serials: string;
  certificate_number: string;
  credit_facts: string | null;
  created_seq: number | string;
  created_at: string;
  added_registry: string | null;
  added_reference: string | null;
  added_at: string | null;
}

/** Retirements with the evidence recorded after them, if any. */
const SELECT_RETIREMENTS = `SELECT r.*, e.registry AS added_registry, e.reference AS added_reference, e.created_at AS added_at
  FROM retirements r LEFT JOIN retirement_evidence e ON e.retirement_id = r.id`;

interface VoidRow {
  retirement_id: string;
  reason: string;
  actor: string;
  created_seq: number | string;
  created_at: string;
}

export class SqlRetirementStore implements RetirementStore {
  constructor(private readonly sql: Sql) {}

  async insert(r: RetirementRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO retirements (id, organization_id, api_key_id, quantity, retired_on, beneficiary, purpose, claim_id,
         evidence_registry, evidence_reference, serials, certificate_number, credit_facts, created_seq, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        r.id, r.organizationId, r.apiKeyId, String(r.quantity), r.retiredOn, r.beneficiary, r.purpose, r.claimId,
        r.evidence?.registry ?? null, r.evidence?.reference ?? null, JSON.stringify(r.serials), r.certificateNumber,
        r.creditFacts ? JSON.stringify(r.creditFacts) : null, r.createdSeq, r.createdAt,
      ],
    );
  }

  async findById(id: string): Promise<RetirementRecord | null> {
    const row = await this.sql.one<RetirementRow>(`${SELECT_RETIREMENTS} WHERE r.id = ?`, [id]);
    return row ? toRecord(row) : null;
  }

  async findByIds(ids: readonly string[]): Promise<RetirementRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.query<RetirementRow>(`${SELECT_RETIREMENTS} WHERE r.id IN (${ids.map(() => '?').join(', ')})`, [...ids]);
    return rows.map(toRecord);
  }

  async findByClaim(claimId: string): Promise<RetirementRecord[]> {
    const rows = await this.sql.query<RetirementRow>(`${SELECT_RETIREMENTS} WHERE r.claim_id = ? ORDER BY r.created_seq`, [claimId]);
    return rows.map(toRecord);
  }

  async insertVoid(v: RetirementVoidRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO retirement_voids (retirement_id, reason, actor, created_seq, created_at) VALUES (?, ?, ?, ?, ?)`,
      [v.retirementId, v.reason, v.actor, v.createdSeq, v.createdAt],
    );
  }

  async insertEvidence(e: RetirementEvidenceRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO retirement_evidence (retirement_id, registry, reference, actor, created_seq, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
      [e.retirementId, e.registry, e.reference, e.actor, e.createdSeq, e.createdAt],
    );
  }

  async findVoid(retirementId: string): Promise<RetirementVoidRecord | null> {
    return (await this.findVoids([retirementId]))[0] ?? null;
  }

  async findVoids(retirementIds: readonly string[]): Promise<RetirementVoidRecord[]> {
    if (retirementIds.length === 0) return [];
    const rows = await this.sql.query<VoidRow>(
      `SELECT * FROM retirement_voids WHERE retirement_id IN (${retirementIds.map(() => '?').join(', ')})`,
      [...retirementIds],
    );
    return rows.map((row) => ({
      retirementId: row.retirement_id,
      reason: row.reason,
      actor: row.actor,
      createdSeq: Number(row.created_seq),
      createdAt: row.created_at,
    }));
  }
}

function toRecord(row: RetirementRow): RetirementRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    apiKeyId: row.api_key_id,
    quantity: BigInt(row.quantity),
    retiredOn: row.retired_on,
    beneficiary: row.beneficiary,
    purpose: row.purpose,
    claimId: row.claim_id,
    evidence: row.evidence_registry && row.evidence_reference
      ? { registry: row.evidence_registry, reference: row.evidence_reference }
      : row.added_registry && row.added_reference
        ? { registry: row.added_registry, reference: row.added_reference }
        : null,
    evidenceRecordedAt: row.added_at,
    serials: JSON.parse(row.serials),
    certificateNumber: row.certificate_number,
    creditFacts: row.credit_facts ? JSON.parse(row.credit_facts) : null,
    createdSeq: Number(row.created_seq),
    createdAt: row.created_at,
  };
}
