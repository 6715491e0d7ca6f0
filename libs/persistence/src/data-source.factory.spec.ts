import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, PendingMigrationsError } from './data-source.factory';

describe('openDatabase with migrations as a separate step (MIGRATIONS_RUN=false)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'registry-migrations-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a schema with pending migrations, and opens it once they are applied', async () => {
    const database = { engine: 'sqlite' as const, sqlitePath: join(dir, 'registry.sqlite') };
    await expect(openDatabase(database, { migrate: false })).rejects.toThrow(PendingMigrationsError);
    await expect(openDatabase(database, { migrate: false })).rejects.toThrow(/db migrate/);
    await (await openDatabase(database)).destroy();
    const opened = await openDatabase(database, { migrate: false });
    expect(await opened.showMigrations()).toBe(false);
    await opened.destroy();
  });
});
