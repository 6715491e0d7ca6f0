import type { INestApplicationContext } from '@nestjs/common';
import { JournalQueries } from '@registry/ledger';
import { DataSource } from 'typeorm';

const COUNTED = ['organizations', 'serial_blocks', 'retirements', 'certificates', 'claims', 'journal_entries'] as const;

/** What a restore brought back: row counts an operator can compare with the source, and the journal's tamper check. */
export async function restoredReport(app: INestApplicationContext) {
  const dataSource = app.get(DataSource);
  const counts: Record<string, number> = {};
  for (const table of COUNTED) counts[table] = Number((await dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  return { counts, verify: await app.get(JournalQueries).verify() };
}
