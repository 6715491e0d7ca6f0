import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per finished background job that records its run (the heartbeat job does). */
@Entity('job_runs')
export class JobRunEntity {
  @PrimaryColumn('varchar', { name: 'job_id', length: 100 })
  jobId: string;

  @Column('varchar', { length: 60 })
  name: string;

  @Column('varchar', { name: 'processed_by', length: 60 })
  processedBy: string;

  @Column('integer')
  attempts: number;

  @Column({ name: 'processed_at', type: 'varchar', length: 30 })
  processedAt: string;
}
