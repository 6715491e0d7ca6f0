import type { CertificateRecord, CertificateStore, PdfCandidate } from '@registry/ledger/ports';
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
}

export class SqlCertificateStore implements CertificateStore {
  constructor(private readonly sql: Sql) {}

  async insert(c: CertificateRecord): Promise<void> {
    await this.sql.query(
      `INSERT INTO certificates (number, retirement_id, body, digest, signature, key_id, issued_at, created_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [c.number, c.retirementId, JSON.stringify(c.body), c.proof.digest, c.proof.signature, c.proof.keyId, c.issuedAt, c.createdSeq],
    );
  }

  async findByNumber(number: string): Promise<CertificateRecord | null> {
    return toRecord(await this.sql.one<CertificateRow>(`SELECT * FROM certificates WHERE number = ?`, [number]));
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

  async revokedAfter(afterSeq: number, limit: number): Promise<PdfCandidate[]> {
    const rows = await this.sql.query<CandidateRow>(
      `SELECT c.number, v.created_seq AS seq FROM retirement_voids v
       JOIN certificates c ON c.retirement_id = v.retirement_id
       WHERE v.created_seq > ? ORDER BY v.created_seq LIMIT ?`,
      [afterSeq, limit],
    );
    return rows.map((r) => ({ number: r.number, status: 'revoked', seq: Number(r.seq) }));
  }
}

interface CandidateRow {
  number: string;
  seq: number | string;
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
  };
}
