import { Worker } from 'node:worker_threads';

/** Pages in the WAL beyond which the connection checkpoints by itself (the safety net if the thread stops). */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 16_384;
const IDLE_POLL_MS = 50;

/** What `PRAGMA wal_checkpoint(PASSIVE)` answers: frames in the WAL, and how many of them are in the database now. */
export interface CheckpointResult {
  log: number;
  checkpointed: number;
}

/**
 * 0 (check again at once) only when this pass found the WAL changed since the last one, i.e. writers
 * are busy. `checkpointed` counts every frame of the WAL already in the database, not the ones this pass
 * copied: it stays above 0 after a complete checkpoint until a writer restarts the WAL, and reading it
 * as "copied something" kept an idle API's thread checkpointing ~1,000 times a second (8 % of a core).
 * Its source text is copied into the thread's code below: it must use nothing but its arguments.
 */
export function nextCheckpointDelay(previous: CheckpointResult, result: CheckpointResult | null, idlePollMs: number): number {
  if (!result) return idlePollMs;
  const changed = result.log !== previous.log || result.checkpointed !== previous.checkpointed;
  return changed && result.checkpointed > 0 ? 0 : idlePollMs;
}

// Runs in its own thread with its own connection: PASSIVE checkpoints never block writers, and the
// copying and fsync of pages happen off the event loop that serves requests.
const CHECKPOINT_LOOP = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: 5000 });
db.pragma('synchronous = FULL');
db.pragma('wal_autocheckpoint = 0');
const nextCheckpointDelay = ${nextCheckpointDelay.toString()};
let stopped = false;
let passes = 0;
let previous = { log: 0, checkpointed: 0 };
parentPort.on('message', (message) => {
  if (message === 'passes') parentPort.postMessage({ passes });
  else stopped = true;
});
function loop() {
  if (stopped) { db.close(); parentPort.close(); return; }
  let result = null;
  passes++;
  try {
    [result] = db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message) });
  }
  const delay = nextCheckpointDelay(previous, result, workerData.idlePollMs);
  if (result) previous = result;
  setTimeout(loop, delay);
}
loop();
`;

const threadStopped = () => new Error('the checkpoint thread has stopped');

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
    this.worker.on('message', (message: { error?: string }) => {
      if (message.error !== undefined) onError(message.error);
    });
    this.worker.on('error', (error) => onError(error.message));
    this.worker.unref();
  }

  /** How many checkpoint passes the thread has made so far (how busy an idle ledger keeps it). */
  passes(): Promise<number> {
    // A worker's threadId is -1 once its thread has ended.
    if (this.worker.threadId === -1) return Promise.reject(threadStopped());
    return new Promise((resolve, reject) => {
      const answer = (message: { passes?: number }) => {
        if (message.passes === undefined) return;
        settle();
        resolve(message.passes);
      };
      const stopped = () => {
        settle();
        reject(threadStopped());
      };
      const settle = () => {
        this.worker.off('message', answer);
        this.worker.off('exit', stopped);
      };
      this.worker.on('message', answer);
      this.worker.once('exit', stopped);
      this.worker.postMessage('passes');
    });
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
