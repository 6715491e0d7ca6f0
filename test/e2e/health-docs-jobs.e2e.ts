import { eventually, startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENGINE } from '../support/test-engine';

describe('health, OpenAPI and the job path', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers /health/live and /health/ready without a key', async () => {
    await t.http.get('/health/live').expect(200, { status: 'ok' });
    const ready = await t.http.get('/health/ready').expect(200);
    expect(ready.body.checks.database).toEqual({ ok: true });
    expect(ready.body.checks.jobs.mode).toBe(t.config.redisUrl ? 'bullmq' : 'in-process');
  });

  it('publishes an OpenAPI document listing the organisation endpoints', async () => {
    const doc = await t.http.get('/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/v1/organizations', '/v1/organizations/{id}/api-keys', '/health/ready']),
    );
    expect(doc.body.paths['/v1/organizations'].post.requestBody).toBeDefined();
    await t.http.get('/docs').expect(200).expect('Content-Type', /html/);
  });

  it('runs a heartbeat job end to end and records which process ran it', async () => {
    const { body } = await t.http.post('/v1/ops/heartbeat').set(t.admin).expect(202);
    const run = await eventually(async () => {
      const res = await t.http.get(`/v1/ops/jobs/${body.jobId}`).set(t.admin);
      return res.status === 200 ? res.body : undefined;
    });
    expect(run).toMatchObject({ jobId: body.jobId, name: 'heartbeat', processedBy: t.jobProcessRole, attempts: 1 });
  });

  it(`creates the schema through migrations on ${TEST_ENGINE}`, async () => {
    const tables: { name: string }[] =
      TEST_ENGINE === 'postgres'
        ? await t.dataSource.query('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()')
        : await t.dataSource.query("SELECT name FROM sqlite_master WHERE type = 'table'");
    expect(tables.map((r) => r.name)).toEqual(expect.arrayContaining(['organizations', 'api_keys', 'job_runs', 'migrations']));
    const migrations = await t.dataSource.query('SELECT name FROM migrations');
    expect(migrations.map((m: { name: string }) => m.name)).toContain('Foundation1764000000000');
  });

  (TEST_ENGINE === 'sqlite' ? it : it.skip)('opens SQLite in WAL mode with synchronous=NORMAL: the unit of work syncs the WAL itself before answering (wal-group-commit.spec)', async () => {
    const [journal] = await t.dataSource.query('PRAGMA journal_mode');
    const [sync] = await t.dataSource.query('PRAGMA synchronous');
    expect(journal.journal_mode).toBe('wal');
    expect(sync.synchronous).toBe(1);
  });
});
