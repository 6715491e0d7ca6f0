import { DomainError } from '@registry/domain';
import { open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** Makes everything written to a file so far durable; runs on libuv's thread pool, not the event loop. */
export type DurableSync = () => Promise<void>;

/**
 * Group commit for a SQLite ledger in WAL mode with synchronous=NORMAL: COMMIT only writes the WAL
 * (no fsync on the event loop), and nobody is answered until one fdatasync of the WAL that started
 * after their commit has finished. The WAL is append-only, so one sync covers every commit made
 * before it started, and commits that arrive while a sync runs share the next one.
 *
 * A failed sync leaves the file's state on disk unknown (the kernel may have dropped the dirty
 * pages), so every later call fails too until the process restarts and SQLite recovers from what
 * is really on disk.
 */
export class WalGroupCommit {
  private committed = 0;
  private durable = 0;
  private inFlight: Promise<void> | null = null;
  private failure: DomainError | null = null;

  constructor(private readonly sync: DurableSync) {}

  /** Call right after a COMMIT; returns the commit's position for `durableUpTo`. */
  noteCommit(): number {
    return ++this.committed;
  }

  /** The position of the latest commit this connection has made (what a read just saw). */
  get latest(): number {
    return this.committed;
  }

  /** Refuses new work once a sync has failed: a commit now might survive a restart unannounced. */
  throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }

  async durableUpTo(position: number): Promise<void> {
    while (this.durable < position && this.failure === null) {
      this.inFlight ??= this.flush();
      await this.inFlight;
    }
    if (this.failure !== null) throw this.failure;
  }

  private async flush(): Promise<void> {
    const target = this.committed;
    try {
      await this.sync();
      this.durable = Math.max(this.durable, target);
    } catch (error) {
      this.failure = new DomainError(
        'SERVICE_UNAVAILABLE',
        `the ledger's storage failed to make a commit durable (${(error as Error).message}); restart the service`,
      );
    } finally {
      this.inFlight = null;
    }
  }
}

/**
 * fdatasync of `<database>-wal`, opened for each sync so that it is always the live file. The first
 * sync also syncs the directory, so that a WAL file created by this process survives a power loss
 * (SQLite does that itself only at the first sync it makes, which synchronous=NORMAL defers).
 */
export function walFileSync(path: string): DurableSync {
  const databasePath = resolve(path);
  let directorySynced = false;
  const syncPath = async (path: string) => {
    const handle = await open(path, 'r');
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  };
  return async () => {
    await syncPath(`${databasePath}-wal`);
    if (!directorySynced) {
      await syncPath(dirname(databasePath));
      directorySynced = true;
    }
  };
}
