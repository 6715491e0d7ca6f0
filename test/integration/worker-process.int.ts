import { readdirSync, readFileSync } from 'node:fs';
import { assertBuilt, BUILT, freePort, startProcess, waitForHttp, type RunningProcess } from '../support/processes';
import { createTestDatabase, TEST_REDIS_URL, uniqueName, type TestDatabase } from '../support/test-engine';

const ADMIN = 'integration-admin-key-0123456789';

describe('API and worker as separate processes on PostgreSQL and Redis', () => {
  let database: TestDatabase;
  const processes: RunningProcess[] = [];
  let base: string;

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const env = { ...database.env, REDIS_URL: TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: uniqueName('int'), ADMIN_API_KEY: ADMIN };
    const api = startProcess(BUILT.api, { ...env, PORT: String(port) });
    processes.push(api);
    await waitForHttp(`${base}/health/ready`, 20_000, api);
    processes.push(startProcess(BUILT.worker, env));
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await database?.drop();
  });

  it('runs the heartbeat job in the worker process, through BullMQ', async () => {
    const headers = { Authorization: `Bearer ${ADMIN}` };
    const ready = (await (await fetch(`${base}/health/ready`)).json()) as { checks: { jobs: { mode: string } } };
    expect(ready.checks.jobs.mode).toBe('bullmq');
    const { jobId } = (await (await fetch(`${base}/v1/ops/heartbeat`, { method: 'POST', headers })).json()) as { jobId: string };
    const deadline = Date.now() + 15_000;
    let run: Record<string, unknown> | undefined;
    while (!run && Date.now() < deadline) {
      const res = await fetch(`${base}/v1/ops/jobs/${jobId}`, { headers });
      if (res.status === 200) run = (await res.json()) as Record<string, unknown>;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(run).toMatchObject({ jobId, processedBy: 'worker', attempts: 1 });
  });

  it('runs every thread of the worker under SCHED_IDLE at WORKER_NICE (defaults), the garbage collector’s included', () => {
    const pid = processes[1].child.pid!;
    const threads = readdirSync(`/proc/${pid}/task`).map((tid) => {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // proc(5): field 19 is nice, field 41 the policy (5 = SCHED_IDLE); fields here start at 3.
      return { tid, nice: Number(fields[16]), policy: Number(fields[38]) };
    });
    expect(threads.length).toBeGreaterThan(4); // V8's platform threads and libuv's pool
    expect(threads.filter((t) => t.nice !== 10 || t.policy !== 5)).toEqual([]);
  });

  it('refuses to start the worker without REDIS_URL, naming the variable', async () => {
    const worker = startProcess(BUILT.worker, { ...database.env });
    expect(await worker.exited()).toBe(1);
    expect(worker.output()).toContain('REDIS_URL');
  });

  it('refuses to start the API with a bad variable, naming it', async () => {
    const api = startProcess(BUILT.api, { PORT: 'eighty' });
    expect(await api.exited()).toBe(1);
    expect(api.output()).toContain('PORT');
  });
});
