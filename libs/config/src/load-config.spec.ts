import { ConfigError, loadConfig } from './index';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite engine on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ engine: 'sqlite', sqlitePath: './data/registry.sqlite' });
    expect(config.redisUrl).toBeUndefined();
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
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

  it('refuses job fault injection in production', () => {
    expect(() => loadConfig({ JOB_FAULT_INJECTION: 'fail-first-attempt', NODE_ENV: 'production' })).toThrow(/JOB_FAULT_INJECTION/);
    expect(loadConfig({ JOB_FAULT_INJECTION: 'fail-first-attempt,delay-ms=10' }).jobFaults).toEqual({ failFirstAttempt: true, delayMs: 10 });
  });

  it('ignores unrelated and empty variables', () => {
    expect(() => loadConfig({ HOME: '/root', REDIS_URL: '' })).not.toThrow();
  });
});
