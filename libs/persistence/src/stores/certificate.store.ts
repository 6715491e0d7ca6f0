import type { CertificateRecord, CertificateStatus, CertificateStore } from '@registry/ledger/ports';
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

  async pdf(number: string, status: CertificateStatus): Promise<Buffer | null> {
    const row = await this.sql.one<{ pdf: Buffer | Uint8Array }>(`SELECT pdf FROM certificate_pdfs WHERE number = ? AND status = ?`, [number, status]);
    return row ? Buffer.from(row.pdf) : null;
  }

  async storePdf(number: string, status: CertificateStatus, pdf: Buffer, renderedBy: string, at: string): Promise<boolean> {
    const rows = await this.sql.query(
      `INSERT INTO certificate_pdfs (number, status, pdf, rendered_by, rendered_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (number, status) DO NOTHING RETURNING number`,
      [number, status, pdf, renderedBy, at],
    );
    return rows.length === 1;
  }

  async missingPdfs(limit: number): Promise<{ number: string; status: CertificateStatus }[]> {
    return this.sql.query(
      `SELECT c.number, CASE WHEN v.retirement_id IS NULL THEN 'valid' ELSE 'revoked' END AS status
       FROM certificates c
       LEFT JOIN retirement_voids v ON v.retirement_id = c.retirement_id
       WHERE NOT EXISTS (SELECT 1 FROM certificate_pdfs p WHERE p.number = c.number
                         AND p.status = CASE WHEN v.retirement_id IS NULL THEN 'valid' ELSE 'revoked' END)
       ORDER BY c.created_seq LIMIT ?`,
      [limit],
    );
  }
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
