const { planCluster, nextBackoffMs } = require('./cluster-plan');

const PG = { DATABASE_URL: 'postgres://registry@db/registry', REDIS_URL: 'redis://redis:6379' };

describe('start:cluster plan', () => {
  it('defaults to 2 API processes and 1 worker on PostgreSQL and Redis', () => {
    expect(planCluster(PG)).toEqual({ ok: true, apiProcesses: 2, workers: 1, port: 3000 });
    expect(planCluster({ ...PG, API_PROCESSES: '4', WORKERS: '0', PORT: '8080' })).toEqual({ ok: true, apiProcesses: 4, workers: 0, port: 8080 });
  });

  it('refuses several API processes on SQLite, naming the way out', () => {
    const plan = planCluster({ REDIS_URL: 'redis://r:6379' });
    expect(plan.ok).toBe(false);
    expect(plan.message).toMatch(/API_PROCESSES=2 on SQLite.*one writer process.*DATABASE_URL/);
    expect(planCluster({ REDIS_URL: 'redis://r:6379', API_PROCESSES: '1' })).toMatchObject({ ok: true, apiProcesses: 1, workers: 1 });
  });

  it('refuses workers without Redis and counts that are not whole numbers', () => {
    expect(planCluster({ DATABASE_URL: PG.DATABASE_URL })).toMatchObject({ ok: false, message: expect.stringMatching(/WORKERS=1 without REDIS_URL/) });
    expect(planCluster({ DATABASE_URL: PG.DATABASE_URL, WORKERS: '0' })).toMatchObject({ ok: true, workers: 0 });
    expect(planCluster({ ...PG, API_PROCESSES: '0' })).toMatchObject({ ok: false, message: expect.stringMatching(/^API_PROCESSES must be/) });
    expect(planCluster({ ...PG, WORKERS: 'two' })).toMatchObject({ ok: false, message: expect.stringMatching(/^WORKERS must be/) });
  });

  it('backs off 0.5 s, 1 s, 2 s … up to 30 s', () => {
    const steps = [0];
    for (let i = 0; i < 9; i++) steps.push(nextBackoffMs(steps[steps.length - 1]));
    expect(steps.slice(1)).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});
