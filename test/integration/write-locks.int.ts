import { PgSql } from '@registry/persistence/stores/sql';
import { SqlJournalStore } from '@registry/persistence/stores/journal.store';
import { SqlWriteLocks } from '@registry/persistence/stores/write-locks';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-engine';

/**
 * The write path's advisory locks on PostgreSQL (the writers' lock, taken alone or with the next
 * journal number, and the per-key locks) hold within one registry, and a registry is a schema:
 * registries that share a database must not wait on each other's. Each check opens a transaction
 * that holds a lock and asks for it from another connection with a short lock_timeout.
 */
describe('write locks on PostgreSQL, two registries in one database', () => {
  const databases: TestDatabase[] = [];
  const clients: Client[] = [];

  const connect = async (database: TestDatabase) => {
    const client = new Client({ connectionString: database.env.DATABASE_URL });
    await client.connect();
    clients.push(client);
    await client.query('BEGIN');
    await client.query(`SET LOCAL lock_timeout = '300ms'`);
    return { client, locks: new SqlWriteLocks(new PgSql(client)), journal: new SqlJournalStore(new PgSql(client)) };
  };

  /** 'taken' when the lock came at once, 'waits' when the lock_timeout ran out. */
  const attempt = (take: () => Promise<unknown>): Promise<'taken' | 'waits'> =>
    take().then(
      () => 'taken' as const,
      (error: { code?: string }) => {
        if (error.code === '55P03') return 'waits' as const; // lock_not_available
        throw error;
      },
    );

  let a: TestDatabase;
  let b: TestDatabase;

  beforeAll(async () => {
    databases.push(await createTestDatabase('postgres'), await createTestDatabase('postgres'));
    [a, b] = databases;
    // nextSeq's journal_seq: the one object the locks' statements touch.
    for (const database of databases) {
      const client = new Client({ connectionString: database.env.DATABASE_URL });
      await client.connect();
      await client.query('CREATE SEQUENCE journal_seq');
      await client.end();
    }
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) await client.end().catch(() => undefined);
  });

  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it("the writers' lock: exclusive within a registry, not across registries", async () => {
    const holder = await connect(a);
    await holder.locks.writers('exclusive');
    const sameRegistry = await connect(a);
    const otherRegistry = await connect(b);

    expect(await attempt(() => sameRegistry.locks.writers('shared'))).toBe('waits');
    expect(await attempt(() => otherRegistry.locks.writers('exclusive'))).toBe('taken');
  });

  it("the writers' lock taken with the next journal number: the same lock, per registry", async () => {
    const holder = await connect(a);
    expect(await holder.journal.nextSeq('shared')).toBe(1);
    const sameRegistry = await connect(a);
    const otherRegistry = await connect(b);

    expect(await attempt(() => sameRegistry.locks.writers('exclusive'))).toBe('waits');
    expect(await attempt(() => otherRegistry.journal.nextSeq('exclusive'))).toBe('taken');
  });

  it('a per-key lock: exclusive within a registry, not across registries, and other keys are free', async () => {
    const holder = await connect(a);
    await holder.locks.key('block:JCL-ERL-R1');
    const sameRegistry = await connect(a);
    const otherRegistry = await connect(b);

    expect(await attempt(() => sameRegistry.locks.key('block:JCL-ERL-R1'))).toBe('waits');
    expect(await attempt(() => otherRegistry.locks.key('block:JCL-ERL-R1'))).toBe('taken');
    const another = await connect(a);
    expect(await attempt(() => another.locks.key('block:JCL-ERL-R2'))).toBe('taken');
  });
});
