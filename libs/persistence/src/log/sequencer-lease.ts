import { SequencerLease } from '@registry/ledger/log/log-ports';
import { resolve } from 'node:path';
import type { DataSource, QueryRunner } from 'typeorm';
import { isPostgres } from '../dialect';

/**
 * The sequencer's lease: advisory lock (SEQUENCER_LOCK, hash of the registry's schema). Advisory locks
 * are per database, not per schema, so a constant alone let one registry's sequencer starve every other
 * registry in the same database (one per schema): nothing they wrote reached the log.
 */
const SEQUENCER_LOCK = 7_220_918;
const LEASE_KEY = `${SEQUENCER_LOCK}, hashtext(current_schema())`;
/**
 * How often a leader checks that its lease connection still lives, and a follower asks for the lease: a
 * new leader within 5 s of a crash (issue 17) must allow for event loops that lag seconds under load.
 */
const RECHECK_MS = 250;

/** SQLite databases (by file) whose sequencer this process runs, and which lease holds each. */
const localHolders = new Map<string, LocalSequencerLease>();

/**
 * SQLite: the process that has the database sequences it. Two apps opened on one file in one
 * process (tests) would sequence at once and wait on each other's write lock: the first holds it.
 */
export class LocalSequencerLease extends SequencerLease {
  constructor(private readonly database = ':memory:') {
    super();
  }

  hold(): Promise<boolean> {
    if (this.database === ':memory:') return Promise.resolve(true);
    const holder = localHolders.get(this.database) ?? this;
    localHolders.set(this.database, holder);
    return Promise.resolve(holder === this);
  }

  release(): Promise<void> {
    if (localHolders.get(this.database) === this) localHolders.delete(this.database);
    return Promise.resolve();
  }
}

/**
 * PostgreSQL: `pg_try_advisory_lock` on a connection kept for it. The lock lives as long as that
 * session: if the process dies or its connection breaks, the database lets it go and the next
 * process to ask (within RECHECK_MS) becomes the sequencer.
 */
export class PostgresSequencerLease extends SequencerLease {
  private runner: QueryRunner | null = null;
  private held = false;
  private checkedAt = 0;

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async hold(): Promise<boolean> {
    const now = Date.now();
    if (now - this.checkedAt < RECHECK_MS) return this.held;
    this.checkedAt = now;
    try {
      if (this.held) {
        await this.runner!.query('SELECT 1');
        return true;
      }
      this.runner ??= this.dataSource.createQueryRunner();
      const [row] = (await this.runner.query(`SELECT pg_try_advisory_lock(${LEASE_KEY}) AS ok`)) as { ok: boolean }[];
      this.held = row.ok === true;
      return this.held;
    } catch {
      await this.drop();
      return false;
    }
  }

  async release(): Promise<void> {
    if (this.held) await this.runner?.query(`SELECT pg_advisory_unlock(${LEASE_KEY})`).catch(() => undefined);
    await this.drop();
  }

  private async drop(): Promise<void> {
    this.held = false;
    const runner = this.runner;
    this.runner = null;
    await runner?.release().catch(() => undefined);
  }
}

export function sequencerLeaseFor(dataSource: DataSource): SequencerLease {
  if (isPostgres(dataSource)) return new PostgresSequencerLease(dataSource);
  const database = (dataSource.options as { database?: string }).database;
  return new LocalSequencerLease(database ? resolve(database) : ':memory:');
}
