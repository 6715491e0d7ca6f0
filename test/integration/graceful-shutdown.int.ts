import { request as httpRequest, Agent, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { assertBuilt, BUILT, freePort, startProcess, waitForHttp, type RunningProcess } from '../support/processes';
import { createTestDatabase, TEST_REDIS_URL, uniqueName, type TestDatabase } from '../support/test-engine';

const GRACE_MS = 8_000;
const DELAY_MS = 700;

/** Whether a new TCP connection to the port is refused. */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

function readBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => resolve(text));
    res.on('error', reject);
  });
}

/** SIGTERM to the built API: drain, finish what is in flight, refuse what is new, exit 0. */
describe('graceful shutdown of the API process', () => {
  let database: TestDatabase;
  let api: RunningProcess;
  let port: number;

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase();
    port = await freePort();
    const redis: Record<string, string> = TEST_REDIS_URL ? { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: uniqueName('shutdown') } : {};
    api = startProcess(BUILT.api, {
      ...database.env,
      ...redis,
      PORT: String(port),
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      SHUTDOWN_DELAY_MS: String(DELAY_MS),
      LOG_LEVEL: 'warn',
    });
    await waitForHttp(`http://127.0.0.1:${port}/health/ready`, 30_000, api);
  });

  afterAll(async () => {
    await api?.stop('SIGKILL');
    await database?.drop();
  });

  it('answers the request in flight, reports not ready, refuses new connections and exits 0 well within the grace period', async () => {
    // An idle keep-alive connection must not hold the process open until the grace period ends.
    const keepAlive = new Agent({ keepAlive: true });
    const idle = await fetchStatus(`http://127.0.0.1:${port}/health/live`, keepAlive);
    expect(idle).toBe(200);

    // A request whose body arrives slowly: in flight when the signal comes.
    const body = JSON.stringify({ serial: 'JCL-ERL-R012-1000001-1000500' });
    const slow = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/v1/serials/parse', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } });
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      slow.once('response', (res) => void readBody(res).then((text) => resolve({ status: res.statusCode ?? 0, text }), reject));
      slow.once('error', reject);
    });
    slow.write(body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 300));

    const signalledAt = Date.now();
    api.child.kill('SIGTERM');

    // During SHUTDOWN_DELAY_MS the process still accepts, and tells the load balancer it is not ready.
    // The signal is handled on a later turn of its event loop than kill() returns, so a probe sent at
    // once may still be answered 200: ask until 503, well within the delay.
    let ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    while (ready.status === 200 && Date.now() - signalledAt < DELAY_MS / 2) {
      await ready.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 20));
      ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
    }
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });

    // Then the listener closes: new connections are refused while the slow request is still open.
    const deadline = Date.now() + DELAY_MS + 2_000;
    while (!(await connectionRefused(port))) {
      if (Date.now() > deadline) throw new Error(`still accepting connections ${Date.now() - signalledAt} ms after SIGTERM\n${api.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(api.child.exitCode).toBeNull();

    slow.end(body.slice(10));
    const response = await answered;
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toMatchObject({ scheme: 'JCREDIT', start: '1000001', end: '1000500' });

    const code = await api.exited();
    const tookMs = Date.now() - signalledAt;
    expect({ code, output: code === 0 ? '' : api.output() }).toEqual({ code: 0, output: '' });
    // The idle keep-alive connection was closed, not waited for until the grace period ended.
    expect(tookMs).toBeLessThan(GRACE_MS / 2);
    keepAlive.destroy();
  });
});

function fetchStatus(url: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end();
  });
}
