import { createDataSource, PostgresSequencerLease } from '@registry/persistence';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/test-engine';

/**
 * The log's sequencer lease on PostgreSQL is one per registry, and a registry is a schema: advisory
 * locks are per database, so registries sharing one (the integration tier runs two suites at once,
 * each in its own schema) must not take each other's lease. With a constant key, the first one's
 * sequencer starved the other's: its ledger verified with nothing in the log.
 */
describe('the sequencer lease on PostgreSQL, two registries in one database', () => {
  const databases: TestDatabase[] = [];
  const sources: DataSource[] = [];

  const open = async (database: TestDatabase) => {
    const source = createDataSource({ engine: 'postgres', url: database.env.DATABASE_URL });
    await source.initialize();
    sources.push(source);
    return source;
  };

  afterAll(async () => {
    for (const source of sources) await source.destroy().catch(() => undefined);
    for (const database of databases) await database.drop();
  });

  it('each registry has one sequencer: the lease is exclusive within a schema, not across schemas', async () => {
    databases.push(await createTestDatabase('postgres'), await createTestDatabase('postgres'));
    const [a, b] = databases;
    const leaderA = new PostgresSequencerLease(await open(a));
    const followerA = new PostgresSequencerLease(await open(a));
    const leaderB = new PostgresSequencerLease(await open(b));

    expect(await leaderA.hold()).toBe(true);
    expect(await followerA.hold()).toBe(false);
    expect(await leaderB.hold()).toBe(true);

    await leaderA.release();
    await new Promise((r) => setTimeout(r, 300)); // a follower asks again after 250 ms
    expect(await followerA.hold()).toBe(true);
    expect(await leaderB.hold()).toBe(true);
    await Promise.all([followerA.release(), leaderB.release()]);
  });
});
