import type { JobRunRecord, JobRunStore } from '@registry/ledger/ports';
import type { EntityManager } from 'typeorm';
import { JobRunEntity } from '../entities';
import { isPostgres } from '../dialect';

export class TypeOrmJobRunStore implements JobRunStore {
  constructor(private readonly em: EntityManager) {}

  async recordOnce(run: JobRunRecord): Promise<boolean> {
    const values = [run.jobId, run.name, run.processedBy, run.attempts, run.processedAt];
    const columns = '(job_id, name, processed_by, attempts, processed_at)';
    const rows: unknown[] = isPostgres(this.em)
      ? await this.em.query(
          `INSERT INTO job_runs ${columns} VALUES ($1, $2, $3, $4, $5) ON CONFLICT (job_id) DO NOTHING RETURNING job_id`,
          values,
        )
      : await this.em.query(
          `INSERT OR IGNORE INTO job_runs ${columns} VALUES (?, ?, ?, ?, ?) RETURNING job_id`,
          values,
        );
    return rows.length === 1;
  }

  find(jobId: string): Promise<JobRunRecord | null> {
    return this.em.findOneBy(JobRunEntity, { jobId });
  }
}
