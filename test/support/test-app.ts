import type { INestApplication } from '@nestjs/common';
import { loadConfig, type RegistryConfig } from '@registry/config';
import { JOB_HANDLERS, startBullMqWorker, type JobHandlers, type RunningWorker } from '@registry/jobs';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { corporateNumberCheckDigit } from '@registry/domain';
import { UnitOfWork } from '@registry/ledger';
import { DataSource } from 'typeorm';
import { createApiApp, readyApiApp } from '../../apps/api/src/create-api-app';
import { createTestDatabase, TEST_REDIS_URL, uniqueName, type TestDatabase } from './test-engine';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  config: RegistryConfig;
  dataSource: DataSource;
  /** 'api' when jobs run in-process, 'worker' when a BullMQ worker runs them. */
  jobProcessRole: 'api' | 'worker';
  admin: { Authorization: string };
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Run on this database (e.g. a second instance beside another app); the caller drops it. Default: a fresh one, dropped on close. */
  database?: TestDatabase;
  /** Where the app's logs go (LOG_LEVEL decides what is written). */
  logDestination?: DestinationStream;
}

/** The real application on a fresh database (and Redis with a BullMQ worker, in the integration tier). */
export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const redis: Record<string, string> = TEST_REDIS_URL ? { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: uniqueName('test') } : {};
  // REGISTRY_TEST_SESSION_STORE=redis runs the web suites with people's sessions in Redis (integration tier).
  if (TEST_REDIS_URL && process.env.REGISTRY_TEST_SESSION_STORE === 'redis') redis.SESSION_STORE = 'redis';
  const config = loadConfig({ ADMIN_API_KEY: TEST_ADMIN_KEY, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...database.env, ...redis, ...env });
  const app = await createApiApp(config, { logDestination: options.logDestination });
  await readyApiApp(app);
  let worker: RunningWorker | undefined;
  if (config.redisUrl) {
    worker = startBullMqWorker(app.get<JobHandlers>(JOB_HANDLERS), {
      redisUrl: config.redisUrl,
      prefix: config.redisPrefix,
      concurrency: 2,
    });
  }
  return {
    app,
    http: request(app.getHttpServer()),
    config,
    dataSource: app.get(DataSource),
    jobProcessRole: worker ? 'worker' : 'api',
    admin: { Authorization: `Bearer ${TEST_ADMIN_KEY}` },
    close: async () => {
      await worker?.close();
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}

/** Creates an organisation with the given roles and returns its id and a bearer header for a new key. */
export async function createOrganizationWithKey(
  t: TestApp,
  roles: string[],
  extra: Record<string, unknown> = {},
): Promise<{ id: string; key: string; auth: { Authorization: string } }> {
  // An applicant is a legal entity (CN 2.1.1 ①): give it a corporate number unless the test chooses one (or null).
  const legalEntity = roles.includes('applicant') && !('corporateNumber' in extra) ? { corporateNumber: uniqueCorporateNumber() } : {};
  const org = await t.http.post('/v1/organizations').set(t.admin).send({ name: `org ${roles.join('+')}`, roles, ...legalEntity, ...extra }).expect(201);
  const key = await t.http.post(`/v1/organizations/${org.body.id}/api-keys`).set(t.admin).send({}).expect(201);
  return { id: org.body.id, key: key.body.key, auth: { Authorization: `Bearer ${key.body.key}` } };
}

/** A valid 13-digit corporate number (法人番号, check digit first) unlikely to repeat within a run. */
export function uniqueCorporateNumber(): string {
  const base = String(Math.floor(Math.random() * 1e12)).padStart(12, '0');
  return `${corporateNumberCheckDigit(base)}${base}`;
}

/**
 * Waits until the app's sequencer has given every committed entry its place in the log. The API's
 * own reads wait at most 2 s for it (then answer without the stragglers): on a loaded machine a
 * test that counts entries waits here instead.
 */
export async function logSettled(t: TestApp, timeoutMs = 20_000): Promise<void> {
  const uow = t.app.get(UnitOfWork);
  await eventually(async () => ((await uow.read(({ journal }) => journal.newestPendingSeq())) === null ? true : undefined), timeoutMs);
}

export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
