export * from './job-types';
export * from './in-process-job-queue';
export * from './bullmq-job-queue';
export * from './bullmq-job-worker';
export * from './jobs.module';
export * from './redis-connection';
export * from './fault-injection';
export * from './idle-gate';
