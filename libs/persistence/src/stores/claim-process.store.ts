import { todayInJapan } from '@registry/domain';
import type { ClaimProcessEventRecord, ClaimProcessStore, VerificationRecord } from '@registry/ledger/ports';
import type { Sql } from './sql';

interface VerificationRow {
  id: string;
  claim_id: string;
  verifier_id: string;
  report_reference: string;
  assurance: VerificationRecord['assurance'];
  opinion: VerificationRecord['opinion'];
  verified_emissions: string;
  independence_declared: number | string;
  created_seq: number | string;
  created_at: string;
}

interface EventRow {
  id: string;
  claim_id: string;
  kind: ClaimProcessEventRecord['kind'];
  actor_id: string | null;
  reason: string | null;
  due_on: string | null;
  from_status: string | null;
  detail: string | null;
  created_seq: number | string;
  created_at: string;
}

/** Verifications and process steps of claims (migration 1764000000009). */
export class SqlClaimProcessStore implements ClaimProcessStore {
  constructor(private readonly sql: Sql) {}

  async insertVerification(v: VerificationRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO claim_verifications (id, claim_id, verifier_id, report_reference, assurance, opinion, verified_emissions,
         independence_declared, created_seq, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [v.id, v.claimId, v.verifierId, v.reportReference, v.assurance, v.opinion, JSON.stringify(v.verifiedEmissions), v.independenceDeclared ? 1 : 0, v.createdSeq, v.createdAt],
    );
  }

  async latestVerification(claimId: string): Promise<VerificationRecord | null> {
    const row = await this.sql.one<VerificationRow>(`SELECT * FROM claim_verifications WHERE claim_id = ? ORDER BY created_seq DESC LIMIT 1`, [claimId]);
    if (!row) return null;
    return {
      id: row.id,
      claimId: row.claim_id,
      verifierId: row.verifier_id,
      reportReference: row.report_reference,
      assurance: row.assurance,
      opinion: row.opinion,
      verifiedEmissions: JSON.parse(row.verified_emissions),
      independenceDeclared: Number(row.independence_declared) === 1,
      createdSeq: Number(row.created_seq),
      createdAt: row.created_at,
    };
  }

  async insertEvent(e: ClaimProcessEventRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO claim_process_events (id, claim_id, kind, actor_id, reason, due_on, from_status, detail, created_seq, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [e.id, e.claimId, e.kind, e.actorId, e.reason, e.dueOn, e.fromStatus, e.detail ? JSON.stringify(e.detail) : null, e.createdSeq, e.createdAt],
    );
  }

  async events(claimId: string): Promise<ClaimProcessEventRecord[]> {
    const rows = await this.sql.query<EventRow>(`SELECT * FROM claim_process_events WHERE claim_id = ? ORDER BY created_seq, id`, [claimId]);
    return rows.map((row) => ({
      id: row.id,
      claimId: row.claim_id,
      kind: row.kind,
      actorId: row.actor_id,
      reason: row.reason,
      dueOn: row.due_on,
      fromStatus: row.from_status,
      detail: row.detail ? JSON.parse(row.detail) : null,
      createdSeq: Number(row.created_seq),
      createdAt: row.created_at,
    }));
  }

  async undecidedApplications(applicantId: string, type: string, excludingId: string): Promise<{ id: string; receivedOn: string }[]> {
    const rows = await this.sql.query<{ id: string; created_at: string; received_on: string | null }>(
      `SELECT id, created_at, received_on FROM claims WHERE applicant_id = ? AND type = ? AND id <> ? AND status = 'submitted' ORDER BY created_seq`,
      [applicantId, type, excludingId],
    );
    // received_on was backfilled by its migration; the fallback mirrors ClaimStore's for rows left without it.
    return rows.map((r) => ({ id: r.id, receivedOn: r.received_on ?? todayInJapan(new Date(r.created_at)) }));
  }
}
