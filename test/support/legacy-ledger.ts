import { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from '@registry/persistence/migrations';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from './test-engine';

/** Migrations up to, not including, the serial-identity migration (1764000000005). */
const BEFORE_IDENTITY = 5;

export interface LegacyDoubleRetirement {
  database: TestDatabase;
  orgId: string;
  /** The same printed serials JCL-ERL-LEG1-1-10, retired under JCREDIT and again under REGIONAL_JCREDIT. */
  retirementIds: [string, string];
  blockIds: [string, string];
}

/**
 * A database as the previous release left it, with the double retirement that release allowed
 * (finding 1 of issue 13) planted by direct SQL under the old, label-keyed namespaces.
 */
export async function plantLegacyDoubleRetirement(): Promise<LegacyDoubleRetirement> {
  const database = await createTestDatabase();
  const postgres = TEST_ENGINE === 'postgres';
  const dataSource = new DataSource(
    postgres
      ? { type: 'postgres', url: database.env.DATABASE_URL, migrations: POSTGRES_MIGRATIONS.slice(0, BEFORE_IDENTITY), migrationsTransactionMode: 'each' }
      : { type: 'better-sqlite3', database: database.env.SQLITE_PATH!, migrations: SQLITE_MIGRATIONS.slice(0, BEFORE_IDENTITY), migrationsTransactionMode: 'each' },
  );
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
    const sql = (text: string, params: unknown[]) => {
      let n = 0;
      return dataSource.query(postgres ? text.replace(/\?/g, () => `$${++n}`) : text, params);
    };
    const orgId = randomUUID();
    const retirementIds: [string, string] = [randomUUID(), randomUUID()];
    const blockIds: [string, string] = [randomUUID(), randomUUID()];
    await sql(`INSERT INTO organizations (id, name, roles, created_at) VALUES (?, 'Legacy Provider', '["provider"]', '2026-01-01T00:00:00Z')`, [orgId]);
    const schemes = ['JCREDIT', 'REGIONAL_JCREDIT'];
    for (let i = 0; i < 2; i++) {
      await sql(
        `INSERT INTO retirements (id, organization_id, quantity, retired_on, beneficiary, purpose, serials, certificate_number, created_seq, created_at)
         VALUES (?, ?, '10', '2026-01-0${i + 1}', 'legacy', 'planted', '["JCL-ERL-LEG1-1-10"]', ?, ?, '2026-01-01T00:00:00Z')`,
        [retirementIds[i], orgId, `RC-2026-90000${i}`, i + 1],
      );
      await sql(
        `INSERT INTO serial_blocks (id, scheme, namespace, start_serial, end_serial, attributes, status, owner_id, retirement_id,
           evidence_registry, evidence_reference, created_seq)
         VALUES (?, ?, ?, 1, 10, '{"symbol":"JCL","creditType":"ERL","certificationNo":"LEG1"}', 'retired', ?, ?, 'J-Credit registry', 'made up', ?)`,
        [blockIds[i], schemes[i], `${schemes[i]}:JCL-ERL-LEG1`, orgId, retirementIds[i], i + 1],
      );
    }
    return { database, orgId, retirementIds, blockIds };
  } finally {
    await dataSource.destroy();
  }
}
