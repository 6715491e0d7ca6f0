import { ConfigError, loadConfig } from './index';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite engine on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ engine: 'sqlite', sqlitePath: './data/registry.sqlite' });
    expect(config.redisUrl).toBeUndefined();
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
  });

  it('warns at start when PUBLIC_BASE_URL is unset outside development, since QR codes would point to localhost', () => {
    expect(loadConfig({}).warnings).toEqual([expect.stringMatching(/^PUBLIC_BASE_URL is unset: .*http:\/\/localhost:3000/)]);
    expect(loadConfig({ NODE_ENV: 'production', PORT: '8080' }).warnings).toEqual([expect.stringContaining('http://localhost:8080')]);
    expect(loadConfig({ NODE_ENV: 'development' }).warnings).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'test' }).warnings).toEqual([]);
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://registry.example.jp' }).warnings).toEqual([]);
  });

  it('keeps people’s sessions in the database unless SESSION_STORE=redis, which needs REDIS_URL', () => {
    expect(loadConfig({}).sessionStore).toBe('database');
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).sessionStore).toBe('database');
    expect(loadConfig({ SESSION_STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:6379' }).sessionStore).toBe('redis');
    expect(() => loadConfig({ SESSION_STORE: 'redis' })).toThrow(/SESSION_STORE: redis needs REDIS_URL/);
    expect(() => loadConfig({ SESSION_STORE: 'memcached', REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(ConfigError);
  });

  it('selects PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://127.0.0.1:5432/test', PORT: '8080' });
    expect(config.database).toEqual({ engine: 'postgres', url: 'postgres://127.0.0.1:5432/test' });
    expect(config.publicBaseUrl).toBe('http://localhost:8080');
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
    ['ADMIN_API_KEY', 'short'],
    ['PUBLIC_BASE_URL', 'not a url'],
    ['LOG_LEVEL', 'loud'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', 'proxy.example.com'],
    ['RATE_LIMIT_PER_KEY_PER_MINUTE', '-1'],
    ['RATE_LIMIT_EXPENSIVE_PER_MINUTE', 'many'],
    ['METRICS_TOKEN', 'short'],
    ['SHUTDOWN_GRACE_MS', '-1'],
    ['SHUTDOWN_DELAY_MS', 'soon'],
    ['MIGRATIONS_RUN', 'no'],
    ['SQLITE_WRITE_GROUP', '0'],
    ['SQLITE_WRITE_GROUP', '257'],
    ['SQLITE_WRITE_GROUP', 'off'],
  ])('refuses %s=%s and names the variable', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable)).toEqual([variable]);
    expect((error as ConfigError).message).toContain(variable);
  });

  it('runs migrations at start unless MIGRATIONS_RUN=false (migrations as a separate step)', () => {
    expect(loadConfig({}).migrationsRun).toBe(true);
    expect(loadConfig({ MIGRATIONS_RUN: 'true' }).migrationsRun).toBe(true);
    expect(loadConfig({ MIGRATIONS_RUN: 'false' }).migrationsRun).toBe(false);
  });

  it('groups up to 32 SQLite units of work per transaction unless SQLITE_WRITE_GROUP says otherwise (1: one each)', () => {
    expect(loadConfig({}).sqliteWriteGroup).toBe(32);
    expect(loadConfig({ SQLITE_WRITE_GROUP: '1' }).sqliteWriteGroup).toBe(1);
    expect(loadConfig({ SQLITE_WRITE_GROUP: '64' }).sqliteWriteGroup).toBe(64);
  });

  it('refuses job fault injection in production', () => {
    expect(() => loadConfig({ JOB_FAULT_INJECTION: 'fail-first-attempt', NODE_ENV: 'production' })).toThrow(/JOB_FAULT_INJECTION/);
    expect(loadConfig({ JOB_FAULT_INJECTION: 'fail-first-attempt,delay-ms=10' }).jobFaults).toEqual({ failFirstAttempt: true, delayMs: 10 });
  });

  it('trusts no proxy by default, and what TRUST_PROXY names otherwise', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback,10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
  });

  it('derives the per-key and expensive-endpoint limits from RATE_LIMIT_PER_MINUTE unless set', () => {
    expect(loadConfig({})).toMatchObject({ rateLimitPerMinute: 6000, rateLimitPerKeyPerMinute: 6000, rateLimitExpensivePerMinute: 300 });
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' })).toMatchObject({ rateLimitPerKeyPerMinute: 0, rateLimitExpensivePerMinute: 0 });
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '30' }).rateLimitExpensivePerMinute).toBe(2);
    expect(loadConfig({ RATE_LIMIT_PER_KEY_PER_MINUTE: '7', RATE_LIMIT_EXPENSIVE_PER_MINUTE: '0' })).toMatchObject({
      rateLimitPerKeyPerMinute: 7,
      rateLimitExpensivePerMinute: 0,
    });
  });

  it('gives requests in flight 10 s after SIGTERM and stops accepting at once unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ shutdownGraceMs: 10_000, shutdownDelayMs: 0, metricsToken: undefined });
    expect(loadConfig({ SHUTDOWN_GRACE_MS: '2500', SHUTDOWN_DELAY_MS: '5000' })).toMatchObject({ shutdownGraceMs: 2500, shutdownDelayMs: 5000 });
  });

  it('ignores unrelated and empty variables', () => {
    expect(() => loadConfig({ HOME: '/root', REDIS_URL: '' })).not.toThrow();
  });
});
