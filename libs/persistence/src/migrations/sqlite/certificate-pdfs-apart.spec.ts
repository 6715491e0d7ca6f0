import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { certificatePdfDatabasePath, openCertificatePdfDatabase } from '../../certificate-pdfs/sqlite-certificate-pdf-database';
import { openDatabase } from '../../data-source.factory';
import { SQLITE_MIGRATIONS } from '../index';

/** A ledger as the previous release left it: PDFs inside the ledger file. */
async function legacyLedger(path: string, pdfs: { number: string; pdf: Buffer }[]): Promise<void> {
  const before = SQLITE_MIGRATIONS.filter((m) => m.name !== 'CertificatePdfsApart1764000000004');
  const dataSource = new DataSource({ type: 'better-sqlite3', database: path, migrations: before, enableWAL: true });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.query(`PRAGMA foreign_keys = OFF`); // the certificates these rows belong to are beside the point
  for (const { number, pdf } of pdfs) {
    await dataSource.query(`INSERT INTO certificate_pdfs (number, status, pdf, rendered_by, rendered_at) VALUES (?, 'valid', ?, 'worker@old', '2026-11-23T00:00:00Z')`, [number, pdf]);
  }
  await dataSource.destroy();
}

describe('migration CertificatePdfsApart (SQLite)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'registry-migration-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('moves every stored PDF, byte for byte, into <ledger>.pdfs.sqlite and drops the table from the ledger', async () => {
    const ledger = join(dir, 'registry.sqlite');
    const pdfs = [
      { number: 'RC-2026-000001', pdf: Buffer.from('%PDF-1.7 one') },
      { number: 'RC-2026-000002', pdf: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x10]) },
    ];
    await legacyLedger(ledger, pdfs);

    const dataSource = await openDatabase({ engine: 'sqlite', sqlitePath: ledger });
    const tables = await dataSource.query(`SELECT name FROM sqlite_master WHERE name = 'certificate_pdfs'`);
    const indexes = (await dataSource.query(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%created_seq'`)).map((r: { name: string }) => r.name);
    await dataSource.destroy();
    expect(tables).toEqual([]);
    expect(indexes.sort()).toEqual(expect.arrayContaining(['certificates_created_seq', 'retirement_voids_created_seq']));

    const moved = new Database(certificatePdfDatabasePath(ledger), { readonly: true });
    const rows = moved.prepare(`SELECT number, status, pdf, rendered_by FROM certificate_pdfs ORDER BY number`).all() as { number: string; status: string; pdf: Buffer; rendered_by: string }[];
    moved.close();
    expect(rows.map((r) => [r.number, r.status, r.rendered_by])).toEqual([
      ['RC-2026-000001', 'valid', 'worker@old'],
      ['RC-2026-000002', 'valid', 'worker@old'],
    ]);
    expect(rows.map((r) => Buffer.compare(r.pdf, pdfs.find((p) => p.number === r.number)!.pdf))).toEqual([0, 0]);
  });

  it('runs again after a crash between the copy and the drop without duplicating or losing a PDF', async () => {
    const ledger = join(dir, 'registry.sqlite');
    await legacyLedger(ledger, [{ number: 'RC-2026-000001', pdf: Buffer.from('%PDF-1.7 one') }]);
    // The crash: the copy landed, the drop did not (the PDF file already has the row).
    const pdfFile = openCertificatePdfDatabase(certificatePdfDatabasePath(ledger));
    pdfFile.prepare(`INSERT INTO certificate_pdfs (number, status, pdf, rendered_by, rendered_at) VALUES ('RC-2026-000001', 'valid', ?, 'worker@old', '2026-11-23T00:00:00Z')`).run(Buffer.from('%PDF-1.7 one'));
    pdfFile.close();

    await (await openDatabase({ engine: 'sqlite', sqlitePath: ledger })).destroy();
    const moved = new Database(certificatePdfDatabasePath(ledger), { readonly: true });
    expect(moved.prepare(`SELECT COUNT(*) AS n FROM certificate_pdfs`).get()).toEqual({ n: 1 });
    moved.close();
  });

  it('names the PDF file after the ledger file', () => {
    expect(certificatePdfDatabasePath('/var/lib/registry/registry.sqlite')).toBe('/var/lib/registry/registry.pdfs.sqlite');
    expect(certificatePdfDatabasePath('data/ledger.db')).toBe('data/ledger.pdfs.sqlite');
    expect(certificatePdfDatabasePath('data/ledger')).toBe('data/ledger.pdfs.sqlite');
    expect(certificatePdfDatabasePath(':memory:')).toBe(':memory:');
  });
});
