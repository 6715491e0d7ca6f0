import { claimCertificateStatus } from '@registry/domain';
import type { CertificateRecord, CertificateStore, ClaimCertificateRecord, PdfCandidate } from '@registry/ledger/ports';
import type { Sql } from './sql';

interface CertificateRow {
  number: string;
  retirement_id: string;
  body: string;
  digest: string;
  signature: string;
  key_id: string;
  issued_at: string;
  created_seq: number | string;
  version?: number | string;
}

export class SqlCertificateStore implements CertificateStore {
  constructor(private readonly sql: Sql) {}

  async insert(c: CertificateRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO certificates (number, retirement_id, body, digest, signature, key_id, issued_at, created_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [c.number, c.retirementId, JSON.stringify(c.body), c.proof.digest, c.proof.signature, c.proof.keyId, c.issuedAt, c.createdSeq],
    );
  }

  async insertVersion(c: CertificateRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO certificate_versions (number, version, body, digest, signature, key_id, issued_at, created_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [c.number, c.version, JSON.stringify(c.body), c.proof.digest, c.proof.signature, c.proof.keyId, c.issuedAt, c.createdSeq],
    );
  }

  async findByNumber(number: string, version?: number): Promise<CertificateRecord | null> {
    const first = toRecord(await this.sql.one<CertificateRow>(`SELECT * FROM certificates WHERE number = ?`, [number]));
    if (!first || version === 1) return first;
    const later = await this.sql.one<CertificateRow>(
      version === undefined
        ? `SELECT * FROM certificate_versions WHERE number = ? ORDER BY version DESC LIMIT 1`
        : `SELECT * FROM certificate_versions WHERE number = ? AND version = ?`,
      version === undefined ? [number] : [number, version],
    );
    if (!later) return version === undefined ? first : null;
    return toRecord({ ...later, retirement_id: first.retirementId });
  }

  async findByRetirement(retirementId: string): Promise<CertificateRecord | null> {
    return toRecord(await this.sql.one<CertificateRow>(`SELECT * FROM certificates WHERE retirement_id = ?`, [retirementId]));
  }

  async validIssuedAfter(afterSeq: number, limit: number): Promise<PdfCandidate[]> {
    const rows = await this.sql.query<CandidateRow>(
      `SELECT c.number, c.created_seq AS seq FROM certificates c
       WHERE c.created_seq > ? AND NOT EXISTS (SELECT 1 FROM retirement_voids v WHERE v.retirement_id = c.retirement_id)
       ORDER BY c.created_seq LIMIT ?`,
      [afterSeq, limit],
    );
    return rows.map((r) => ({ number: r.number, status: 'valid', seq: Number(r.seq) }));
  }

  /** The revoked PDF is due for the latest version. */
  async revokedAfter(afterSeq: number, limit: number): Promise<PdfCandidate[]> {
    const rows = await this.sql.query<CandidateRow>(
      `SELECT c.number, v.created_seq AS seq,
         COALESCE((SELECT MAX(cv.version) FROM certificate_versions cv WHERE cv.number = c.number), 1) AS version
       FROM retirement_voids v
       JOIN certificates c ON c.retirement_id = v.retirement_id
       WHERE v.created_seq > ? ORDER BY v.created_seq LIMIT ?`,
      [afterSeq, limit],
    );
    return rows.map((r) => ({ number: r.number, status: 'revoked', seq: Number(r.seq), version: Number(r.version) }));
  }

  async versionsIssuedAfter(afterSeq: number, limit: number): Promise<PdfCandidate[]> {
    const rows = await this.sql.query<CandidateRow>(
      `SELECT cv.number, cv.version, cv.created_seq AS seq FROM certificate_versions cv
       JOIN certificates c ON c.number = cv.number
       WHERE cv.created_seq > ? AND NOT EXISTS (SELECT 1 FROM retirement_voids v WHERE v.retirement_id = c.retirement_id)
       ORDER BY cv.created_seq LIMIT ?`,
      [afterSeq, limit],
    );
    return rows.map((r) => ({ number: r.number, status: 'valid', seq: Number(r.seq), version: Number(r.version) }));
  }

  async insertClaimCertificate(c: ClaimCertificateRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO claim_certificates (number, claim_id, body, digest, signature, key_id, issued_at, created_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [c.number, c.claimId, JSON.stringify(c.body), c.proof.digest, c.proof.signature, c.proof.keyId, c.issuedAt, c.createdSeq],
    );
  }

  async findClaimCertificate(number: string): Promise<ClaimCertificateRecord | null> {
    return toClaimRecord(await this.sql.one<ClaimCertificateRow>(`SELECT * FROM claim_certificates WHERE number = ?`, [number]));
  }

  async findClaimCertificateOfClaim(claimId: string): Promise<ClaimCertificateRecord | null> {
    return toClaimRecord(
      await this.sql.one<ClaimCertificateRow>(`SELECT * FROM claim_certificates WHERE claim_id = ? ORDER BY created_seq DESC LIMIT 1`, [claimId]),
    );
  }

  async claimCertificatesChangedAfter(afterSeq: number, limit: number, today: string): Promise<PdfCandidate[]> {
    // renewals: CN-2.3.3-2 as the ledger's pendingRenewal reads it (a submitted CN application of the holder received within the validity).
    const rows = await this.sql.query<{ number: string; seq: number | string; status: string; valid_to: string | null; renewals: number | string }>(
      `SELECT cc.number, c.updated_seq AS seq, c.status, c.valid_to,
         (SELECT COUNT(*) FROM claims r
           WHERE c.type = 'CN' AND c.status = 'certified' AND r.applicant_id = c.applicant_id AND r.type = 'CN' AND r.id <> c.id
             AND r.status = 'submitted' AND r.received_on >= c.valid_from AND r.received_on <= c.valid_to) AS renewals
       FROM claim_certificates cc
       JOIN claims c ON c.id = cc.claim_id
       WHERE c.updated_seq > ? ORDER BY c.updated_seq LIMIT ?`,
      [afterSeq, limit],
    );
    return rows.map((r) => ({
      number: r.number,
      status: claimCertificateStatus({ status: r.status, validTo: r.valid_to }, today, { renewalPending: Number(r.renewals) > 0 }),
      seq: Number(r.seq),
    }));
  }
}

interface ClaimCertificateRow {
  number: string;
  claim_id: string;
  body: string;
  digest: string;
  signature: string;
  key_id: string;
  issued_at: string;
  created_seq: number | string;
}

function toClaimRecord(row: ClaimCertificateRow | null): ClaimCertificateRecord | null {
  if (!row) return null;
  return {
    number: row.number,
    claimId: row.claim_id,
    body: JSON.parse(row.body),
    proof: { digest: row.digest, signature: row.signature, keyId: row.key_id },
    issuedAt: row.issued_at,
    createdSeq: Number(row.created_seq),
  };
}

interface CandidateRow {
  number: string;
  seq: number | string;
  version?: number | string;
}

function toRecord(row: CertificateRow | null): CertificateRecord | null {
  if (!row) return null;
  return {
    number: row.number,
    retirementId: row.retirement_id,
    body: JSON.parse(row.body),
    proof: { digest: row.digest, signature: row.signature, keyId: row.key_id },
    issuedAt: row.issued_at,
    createdSeq: Number(row.created_seq),
    version: Number(row.version ?? 1),
  };
}
