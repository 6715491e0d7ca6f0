import { RowChangedUnderUs, type SequenceStore } from '@registry/ledger/ports';
import type { Sql } from './sql';

/** PostgreSQL sequences this process has seen exist (a name is forgotten if its sequence is missing). */
const knownSequences = new Set<string>();

/**
 * Human-friendly numbers (RC-2026-000123, CN-2026-0001). SQLite counts in `number_sequences`
 * (one writer). PostgreSQL takes each number from a sequence of its own, so concurrent retirements
 * do not queue behind one counter row; a number taken by a transaction that rolls back is not
 * reused (a gap, as with any sequence).
 */
export class SqlSequenceStore implements SequenceStore {
  constructor(private readonly sql: Sql) {}

  async next(name: string): Promise<number> {
    if (this.sql.postgres) return this.nextFromSequence(name);
    const row = await this.sql.one<{ last: number | string }>(
      `INSERT INTO number_sequences (name, last) VALUES (?, 1)
       ON CONFLICT (name) DO UPDATE SET last = number_sequences.last + 1 RETURNING last`,
      [name],
    );
    return Number(row!.last);
  }

  private async nextFromSequence(name: string): Promise<number> {
    const sequence = `number_seq_${name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
    if (!knownSequences.has(sequence)) await this.create(sequence, name);
    try {
      const row = await this.sql.one<{ n: string }>(`SELECT nextval(?::regclass) AS n`, [sequence]);
      return Number(row!.n);
    } catch (error) {
      const e = error as { driverError?: { code?: string }; code?: string };
      if ((e.driverError?.code ?? e.code) !== '42P01') throw error;
      // Another database of the same name, dropped and made again (tests): create it on the retry.
      knownSequences.delete(sequence);
      throw new RowChangedUnderUs(`number sequence ${name}`);
    }
  }

  /** Continues the counter `number_sequences` kept before sequences; two creators race harmlessly in a savepoint. */
  private async create(sequence: string, name: string): Promise<void> {
    const counted = await this.sql.one<{ last: number | string }>(`SELECT last FROM number_sequences WHERE name = ?`, [name]);
    const start = Number(counted?.last ?? 0) + 1;
    await this.sql.query(`SAVEPOINT number_sequence`);
    try {
      await this.sql.query(`CREATE SEQUENCE IF NOT EXISTS ${sequence} START WITH ${start}`);
      await this.sql.query(`RELEASE SAVEPOINT number_sequence`);
    } catch {
      await this.sql.query(`ROLLBACK TO SAVEPOINT number_sequence`);
    }
    knownSequences.add(sequence);
  }
}
