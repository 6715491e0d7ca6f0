import type { SequenceStore } from '@registry/ledger/ports';
import type { Sql } from './sql';

export class SqlSequenceStore implements SequenceStore {
  constructor(private readonly sql: Sql) {}

  async next(name: string): Promise<number> {
    const row = await this.sql.one<{ last: number | string }>(
      `INSERT INTO number_sequences (name, last) VALUES (?, 1)
       ON CONFLICT (name) DO UPDATE SET last = number_sequences.last + 1 RETURNING last`,
      [name],
    );
    return Number(row!.last);
  }
}
