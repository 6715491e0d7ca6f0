import type { JobRunRecord, JobRunStore } from '@registry/ledger/ports';
import type { Sql } from './sql';

interface JobRunRow {
  job_id: string;
  name: string;
  processed_by: string;
  attempts: number;
  processed_at: string;
}

export class SqlJobRunStore implements JobRunStore {
  constructor(private readonly sql: Sql) {}

  async recordOnce(run: JobRunRecord): Promise<boolean> {
    const rows = await this.sql.query(
      `INSERT INTO job_runs (job_id, name, processed_by, attempts, processed_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (job_id) DO NOTHING RETURNING job_id`,
      [run.jobId, run.name, run.processedBy, run.attempts, run.processedAt],
    );
    return rows.length === 1;
  }

  async find(jobId: string): Promise<JobRunRecord | null> {
    const row = await this.sql.one<JobRunRow>(`SELECT * FROM job_runs WHERE job_id = ?`, [jobId]);
    return row
      ? { jobId: row.job_id, name: row.name, processedBy: row.processed_by, attempts: Number(row.attempts), processedAt: row.processed_at }
      : null;
  }
}
