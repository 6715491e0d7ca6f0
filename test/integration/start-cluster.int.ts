import { Queue } from 'bullmq';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, freePort, REPO_ROOT, startProcess, waitForHttp, type RunningProcess } from '../support/processes';
import { createTestDatabase, TEST_REDIS_URL, uniqueName, type TestDatabase } from '../support/test-engine';

const SCRIPT = join(REPO_ROOT, 'scripts/cluster/start-cluster.js');
const REDIS_URL = TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface ChildEvent {
  msg: string;
  role?: string;
  pid?: number;
}

const events = (proc: RunningProcess): ChildEvent[] =>
  proc
    .output()
    .split('\n')
    .filter((line) => line.includes('"component":"cluster"'))
    .map((line) => JSON.parse(line) as ChildEvent);
const startedPids = (proc: RunningProcess, role: string) => events(proc).filter((e) => e.msg === 'child started' && e.role === role).map((e) => e.pid!);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs: number, proc: RunningProcess): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what} not within ${timeoutMs} ms\n${proc.output().slice(-6000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm run start:cluster (2 API processes on one port, 1 worker; PostgreSQL and Redis)', () => {
  let database: TestDatabase;
  let cluster: RunningProcess;
  let base: string;
  const keysDir = mkdtempSync(join(tmpdir(), 'registry-cluster-keys-'));
  const prefix = uniqueName('cl');

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase('postgres');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    cluster = startProcess(SCRIPT, {
      ...database.env,
      REDIS_URL,
      REDIS_PREFIX: prefix,
      PORT: String(port),
      API_PROCESSES: '2',
      WORKERS: '1',
      CERTIFICATE_KEYS_DIR: keysDir,
      RATE_LIMIT_PER_MINUTE: '0',
      NODE_ENV: 'test',
    });
    await waitForHttp(`${base}/health/ready`, 60_000, cluster);
    await until('2 API processes and a worker', () => startedPids(cluster, 'api').length === 2 && startedPids(cluster, 'worker').length === 1, 30_000, cluster);
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop('SIGKILL');
    for (const pid of [...startedPids(cluster, 'api'), ...startedPids(cluster, 'worker')]) if (alive(pid)) process.kill(pid, 'SIGKILL');
    const url = new URL(REDIS_URL);
    for (const name of ['registry', 'registry-schedules']) {
      const queue = new Queue(name, { connection: { host: url.hostname, port: Number(url.port || 6379) }, prefix });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
    await database?.drop();
    rmSync(keysDir, { recursive: true, force: true });
  });

  it('answers on the one port, restarts an API process that was killed, and stops every child on SIGTERM', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/v1/schemes`).then((r) => r.status)));
    expect(answers).toEqual(Array(20).fill(200));

    const [victim] = startedPids(cluster, 'api');
    process.kill(victim, 'SIGKILL');
    const replacement = await until('a new API process', () => startedPids(cluster, 'api').find((pid, i) => i >= 2 && pid !== victim), 15_000, cluster);
    expect(alive(replacement)).toBe(true);
    expect(events(cluster)).toContainEqual(expect.objectContaining({ msg: 'child exited, restarting', role: 'api', pid: victim, signal: 'SIGKILL' }));
    // The survivor kept answering; after the restart both do again.
    await waitForHttp(`${base}/health/ready`, 20_000, cluster);
    const after = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/health/live`).then((r) => r.status)));
    expect(after).toEqual(Array(20).fill(200));

    const children = [...startedPids(cluster, 'api'), ...startedPids(cluster, 'worker')].filter(alive);
    expect(children).toHaveLength(3);
    cluster.child.kill('SIGTERM');
    expect(await cluster.exited()).toBe(0);
    expect(children.filter(alive)).toEqual([]);
    expect(events(cluster).at(-1)).toMatchObject({ msg: 'all children exited' });
  }, 90_000);
});
