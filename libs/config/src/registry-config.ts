import type { TrustProxy } from './trust-proxy';

export type DatabaseConfig =
  | { engine: 'sqlite'; sqlitePath: string }
  | { engine: 'postgres'; url: string };

export interface RegistryConfig {
  port: number;
  database: DatabaseConfig;
  /**
   * SQLite: how many units of work that queue up together may share one transaction (each in a
   * savepoint of its own); 1: a transaction each. PostgreSQL ignores it.
   */
  sqliteWriteGroup: number;
  /** Set: jobs go through BullMQ on this Redis. Unset: the API process runs jobs itself. */
  redisUrl?: string;
  /** Key prefix of the BullMQ queues, so several registries can share one Redis. */
  redisPrefix: string;
  /**
   * Where people's sessions live: `database` (the sessions table), or `redis` (the Redis of
   * redisUrl, under the prefix, each key expiring with its session).
   */
  sessionStore: 'database' | 'redis';
  /** Compared as a SHA-256 digest only; never logged. */
  adminApiKey?: string;
  publicBaseUrl: string;
  /** The transparency log's origin line and checkpoint key name (LOG_ORIGIN; default from PUBLIC_BASE_URL). */
  logOrigin: string;
  /** Ed25519 certificate signing keys (PKCS#8 PEM files); generated on first start. */
  certificateKeysDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  /** Largest file a web form uploads (WEB_UPLOAD_LIMIT_BYTES, default 64 MiB: a million-row statement is about 55 MB). */
  webUploadLimitBytes: number;
  /** Requests per minute per client address (and route); 0 turns the limiter off (benchmarks). */
  rateLimitPerMinute: number;
  /** Largest block a holding or a part retired outside the ledger may name (squatting a whole namespace is refused). */
  maxBlockQuantity: bigint;
  /** Requests per minute per API key (whatever address it comes from); 0 turns this limit off. */
  rateLimitPerKeyPerMinute: number;
  /** Requests per minute per client address to the expensive public reads (status, bulk check, verify pages); 0: off. */
  rateLimitExpensivePerMinute: number;
  /** Express `trust proxy`: which peers' X-Forwarded-For decides the client address (default: none). */
  trustProxy: TrustProxy;
  /** Jobs one worker process runs at once. */
  workerConcurrency: number;
  /** How long a worker holds a job before another worker may take it over (a dead worker's job is retried after this). */
  workerLockMs: number;
  /** OS niceness of the worker process: on a shared machine the API's requests win the CPU over PDF rendering. */
  workerNice: number;
  /** `idle`: the worker's threads run under SCHED_IDLE (Linux), only when nothing else wants the CPU. */
  workerCpuPolicy: 'idle' | 'nice';
  /** Test environments only: make jobs fail their first attempt and/or run slowly, to prove retries and take-overs. */
  jobFaults: { failFirstAttempt: boolean; delayMs: number };
  /** Webhooks may target http:// and loopback/private addresses (tests, closed networks); otherwise public https only (no SSRF). */
  webhookAllowPrivateNetworks: boolean;
  /** A bearer token that may read GET /metrics (a Prometheus scraper's); compared as a SHA-256 digest, never logged. */
  metricsToken?: string;
  /** After SIGTERM/SIGINT: how long requests in flight may still take before their connections are closed. */
  shutdownGraceMs: number;
  /** After SIGTERM/SIGINT: how long the API keeps accepting while /health/ready answers 503 (a load balancer drains it). */
  shutdownDelayMs: number;
  /**
   * Apply pending migrations when a process opens the database (default). false: migrations are a
   * separate deployment step (`npm run cli -- db migrate`) and a process refuses to start while any is pending.
   */
  migrationsRun: boolean;
  /** Start-up warnings: settings that work but probably are not what a deployment wants. */
  warnings: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' + problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}
