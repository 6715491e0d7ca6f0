import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NativeSqliteSql } from '../stores/sql';
import { openCertificatePdfDatabase } from './sqlite-certificate-pdf-database';
import { SqlCertificatePdfStore } from './sql-certificate-pdf-store';

describe('SQLite PDF database schema 2 (certificate versions, claim certificate statuses)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pdfs-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('upgrades a schema 1 file keeping every PDF as version 1, then keys PDFs by version and any status', async () => {
    const path = join(dir, 'registry.pdfs.sqlite');
    const old = new Database(path);
    old.exec(`CREATE TABLE certificate_pdfs (number varchar(40) NOT NULL, status varchar(10) NOT NULL CHECK (status IN ('valid', 'revoked')),
      pdf blob NOT NULL, rendered_by varchar(100) NOT NULL, rendered_at varchar(30) NOT NULL, PRIMARY KEY (number, status))`);
    old.prepare(`INSERT INTO certificate_pdfs VALUES ('RC-2026-000001', 'valid', ?, 'w', '2026-11-23T00:00:00Z')`).run(Buffer.from('%PDF one'));
    old.pragma('user_version = 1');
    old.close();

    const db = openCertificatePdfDatabase(path);
    try {
      const store = new SqlCertificatePdfStore(new NativeSqliteSql(db));
      expect((await store.get('RC-2026-000001', 'valid'))?.toString()).toBe('%PDF one');
      expect(await store.put('RC-2026-000001', 'valid', Buffer.from('%PDF two'), 'w', 'now', 2)).toBe(true);
      expect(await store.put('CN-2026-0001', 'suspended', Buffer.from('%PDF cn'), 'w', 'now')).toBe(true);
      expect((await store.get('RC-2026-000001', 'valid', 2))?.toString()).toBe('%PDF two');
      expect(await store.missing([{ number: 'RC-2026-000001', status: 'valid', version: 2 }, { number: 'RC-2026-000001', status: 'valid', version: 3 }, { number: 'CN-2026-0001', status: 'suspended' }])).toEqual([
        { number: 'RC-2026-000001', status: 'valid', version: 3 },
      ]);
      expect(db.pragma('user_version', { simple: true })).toBe(2);
    } finally {
      db.close();
    }
  });
});
