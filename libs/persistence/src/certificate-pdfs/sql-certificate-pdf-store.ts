import { CertificatePdfStore, type CertificateStatus, type PdfKey } from '@registry/ledger/ports';
import type { Sql } from '../stores/sql';

/** The `certificate_pdfs` table, wherever it lives: the ledger's PostgreSQL database, or SQLite's PDF file. */
export class SqlCertificatePdfStore extends CertificatePdfStore {
  constructor(private readonly sql: Sql) {
    super();
  }

  async get(number: string, status: CertificateStatus, version = 1): Promise<Buffer | null> {
    const row = await this.sql.one<{ pdf: Buffer | Uint8Array }>(
      `SELECT pdf FROM certificate_pdfs WHERE number = ? AND version = ? AND status = ?`,
      [number, version, status],
    );
    return row ? Buffer.from(row.pdf) : null;
  }

  async put(number: string, status: CertificateStatus, pdf: Buffer, renderedBy: string, at: string, version = 1): Promise<boolean> {
    const rows = await this.sql.query(
      `INSERT INTO certificate_pdfs (number, version, status, pdf, rendered_by, rendered_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (number, version, status) DO NOTHING RETURNING number`,
      [number, version, status, pdf, renderedBy, at],
    );
    return rows.length === 1;
  }

  async missing(keys: PdfKey[]): Promise<PdfKey[]> {
    if (keys.length === 0) return [];
    const numbers = [...new Set(keys.map((k) => k.number))];
    // One statement for any number of keys (a fixed text keeps SQLite's prepared-statement cache small).
    const stored = await this.sql.query<{ number: string; version: number | string; status: string }>(
      this.sql.postgres
        ? `SELECT number, version, status FROM certificate_pdfs WHERE number = ANY(?::varchar[])`
        : `SELECT number, version, status FROM certificate_pdfs WHERE number IN (SELECT value FROM json_each(?))`,
      [this.sql.postgres ? numbers : JSON.stringify(numbers)],
    );
    const present = new Set(stored.map((s) => `${s.number} ${Number(s.version)} ${s.status}`));
    return keys.filter((k) => !present.has(`${k.number} ${k.version ?? 1} ${k.status}`));
  }
}
