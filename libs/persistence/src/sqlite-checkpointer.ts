import { Worker } from 'node:worker_threads';

/** Pages in the WAL beyond which the connection checkpoints by itself (the safety net if the thread stops). */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 16_384;
const IDLE_POLL_MS = 50;

// Runs in its own thread with its own connection: PASSIVE checkpoints never block writers, and the
// copying and fsync of pages happen off the event loop that serves requests.
const CHECKPOINT_LOOP = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: 5000 });
db.pragma('synchronous = FULL');
db.pragma('wal_autocheckpoint = 0');
let stopped = false;
parentPort.on('message', () => { stopped = true; });
function loop() {
  if (stopped) { db.close(); parentPort.close(); return; }
  let copied = 0;
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    copied = result.checkpointed;
  } catch (error) {
    parentPort.postMessage(String(error && error.message));
  }
  setTimeout(loop, copied > 0 ? 0 : workerData.idlePollMs);
}
loop();
`;

/**
 * Keeps the ledger's WAL short from a background thread. Without it SQLite checkpoints inside the
 * commit that crosses the threshold: with about 25 pages written per retirement that is every few
 * dozen retirements, each time copying megabytes and fsyncing on the request path.
 */
export class SqliteCheckpointer {
  private readonly worker: Worker;

  constructor(path: string, onError: (message: string) => void) {
    this.worker = new Worker(CHECKPOINT_LOOP, {
      eval: true,
      workerData: { path, driver: require.resolve('better-sqlite3'), idlePollMs: IDLE_POLL_MS },
    });
    this.worker.on('message', onError);
    this.worker.on('error', (error) => onError(error.message));
    this.worker.unref();
  }

  /** Lets a checkpoint in progress finish (it keeps the process alive meanwhile), then ends the thread. */
  async stop(): Promise<void> {
    this.worker.ref();
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage('stop');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)))]);
    clearTimeout(timer);
    await this.worker.terminate();
  }
}
