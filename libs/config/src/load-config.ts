import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { dirname, join } from 'node:path';
import { EnvironmentVariables } from './environment-variables';
import { ConfigError, type RegistryConfig } from './registry-config';
import { parseTrustProxy } from './trust-proxy';

const DEVELOPMENT_ENVIRONMENTS = ['development', 'test'];
/** Retirements that queue up while one transaction runs share the next (measured in docs/benchmarks.md). */
export const DEFAULT_SQLITE_WRITE_GROUP = 32;

function startupWarnings(vars: EnvironmentVariables, env: NodeJS.ProcessEnv): string[] {
  const warnings: string[] = [];
  if (!vars.PUBLIC_BASE_URL && !DEVELOPMENT_ENVIRONMENTS.includes(env.NODE_ENV ?? '')) {
    warnings.push(
      `PUBLIC_BASE_URL is unset: certificate links and the QR codes printed on PDFs point to http://localhost:${vars.PORT ?? 3000}, ` +
        'which nobody else can open; set it to the address the public reaches (NODE_ENV=development silences this)',
    );
  }
  return warnings;
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): RegistryConfig {
  const raw = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const vars = plainToInstance(EnvironmentVariables, raw, { excludeExtraneousValues: false });
  const errors = validateSync(vars, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => ({
        variable: e.property,
        message: Object.values(e.constraints ?? {}).join('; ') || 'is invalid',
      })),
    );
  }
  if (vars.JOB_FAULT_INJECTION && env.NODE_ENV === 'production') {
    throw new ConfigError([{ variable: 'JOB_FAULT_INJECTION', message: 'is for test environments and refused when NODE_ENV=production' }]);
  }
  if (vars.SESSION_STORE === 'redis' && !vars.REDIS_URL) {
    throw new ConfigError([{ variable: 'SESSION_STORE', message: 'redis needs REDIS_URL' }]);
  }
  const port = vars.PORT ?? 3000;
  const rateLimitPerMinute = vars.RATE_LIMIT_PER_MINUTE ?? 6000;
  const trustProxy = parseTrustProxy(vars.TRUST_PROXY);
  const sqlitePath = vars.SQLITE_PATH ?? './data/registry.sqlite';
  return {
    port,
    database: vars.DATABASE_URL
      ? { engine: 'postgres', url: vars.DATABASE_URL }
      : { engine: 'sqlite', sqlitePath },
    sqliteWriteGroup: vars.SQLITE_WRITE_GROUP ?? DEFAULT_SQLITE_WRITE_GROUP,
    redisUrl: vars.REDIS_URL,
    redisPrefix: vars.REDIS_PREFIX ?? 'registry',
    sessionStore: vars.SESSION_STORE === 'redis' ? 'redis' : 'database',
    adminApiKey: vars.ADMIN_API_KEY,
    certificateKeysDir: vars.CERTIFICATE_KEYS_DIR ?? (vars.DATABASE_URL ? './data/keys' : join(dirname(sqlitePath), 'keys')),
    publicBaseUrl: (vars.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    // One name for every process of a registry: not derived from a port that differs between them.
    logOrigin: vars.LOG_ORIGIN ?? (vars.PUBLIC_BASE_URL ? originOf(vars.PUBLIC_BASE_URL) : 'localhost/log'),
    logLevel: (vars.LOG_LEVEL ?? 'info') as RegistryConfig['logLevel'],
    bodyLimitBytes: vars.BODY_LIMIT_BYTES ?? 1024 * 1024,
    webUploadLimitBytes: vars.WEB_UPLOAD_LIMIT_BYTES ?? 64 * 1024 * 1024,
    rateLimitPerMinute,
    maxBlockQuantity: BigInt(vars.MAX_BLOCK_QUANTITY ?? '1000000000'),
    rateLimitPerKeyPerMinute: vars.RATE_LIMIT_PER_KEY_PER_MINUTE ?? rateLimitPerMinute,
    // Status, bulk check and verify pages answer up to 1,000 segments each: a twentieth of the general limit.
    rateLimitExpensivePerMinute: vars.RATE_LIMIT_EXPENSIVE_PER_MINUTE ?? Math.ceil(rateLimitPerMinute / 20),
    trustProxy: trustProxy.ok ? trustProxy.value : false, // validated above: always ok here
    workerConcurrency: vars.WORKER_CONCURRENCY ?? 4,
    workerLockMs: vars.WORKER_LOCK_MS ?? 30_000,
    workerNice: vars.WORKER_NICE ?? 10,
    workerCpuPolicy: vars.WORKER_CPU_POLICY ?? 'idle',
    jobFaults: {
      failFirstAttempt: (vars.JOB_FAULT_INJECTION ?? '').split(',').includes('fail-first-attempt'),
      delayMs: Number(/delay-ms=(\d+)/.exec(vars.JOB_FAULT_INJECTION ?? '')?.[1] ?? 0),
    },
    webhookAllowPrivateNetworks: vars.WEBHOOK_ALLOW_PRIVATE_NETWORKS === 'true',
    metricsToken: vars.METRICS_TOKEN,
    shutdownGraceMs: vars.SHUTDOWN_GRACE_MS ?? 10_000,
    shutdownDelayMs: vars.SHUTDOWN_DELAY_MS ?? 0,
    migrationsRun: vars.MIGRATIONS_RUN !== 'false',
    warnings: startupWarnings(vars, env),
  };
}

/** `<host><path>/log` of the public address (C2SP tlog-checkpoint: the origin names the log, schema-less). */
function originOf(publicBaseUrl: string): string {
  const url = new URL(publicBaseUrl);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}/log`;
}
