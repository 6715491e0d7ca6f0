import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit } from '@registry/config';
import { JOB_HANDLERS, startBullMqWorker, type JobHandlers } from '@registry/jobs';
import { Logger } from 'nestjs-pino';
import { lowerPriority } from './lower-priority';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.redisUrl) {
    process.stderr.write('Invalid configuration:\n  REDIS_URL: the worker needs a Redis; without one the API runs jobs in-process\n');
    process.exit(1);
  }
  // Rendering yields the CPU to the API's requests.
  const priority = lowerPriority(config.workerNice, config.workerCpuPolicy);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const concurrency = config.workerConcurrency;
  const worker = startBullMqWorker(app.get<JobHandlers>(JOB_HANDLERS), {
    redisUrl: config.redisUrl,
    prefix: config.redisPrefix,
    concurrency,
    lockMs: config.workerLockMs,
  });
  // The jobs running finish (SHUTDOWN_GRACE_MS at most); one still running after that is taken over
  // by another worker once its lock expires (WORKER_LOCK_MS), as if this process had died.
  const stop = async () => {
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), config.shutdownGraceMs)));
    const finished = await Promise.race([worker.close().then(() => true as const), graceOver]);
    clearTimeout(timer);
    if (!finished) app.get(Logger).warn({ msg: `jobs still running after SHUTDOWN_GRACE_MS (${config.shutdownGraceMs} ms) are left to another worker` });
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  if (priority.warning) app.get(Logger).warn({ msg: priority.warning });
  app.get(Logger).log({ msg: 'registry worker started', concurrency, cpu: { nice: priority.nice, policy: priority.policy } });
}

main().catch((error) => {
  process.stderr.write(`registry worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
