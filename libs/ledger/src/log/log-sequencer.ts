import { setTimeout as sleep } from 'node:timers/promises';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { checkpointBody, frontierIds, journalLeafBytes, leafHash, MerkleFrontier, nodeKey, type NodeWithHash } from '@registry/domain';
import { CertificateSigner, LogMetrics, NO_LOG_METRICS, UnitOfWork, type Stores } from '../ports';
import { onLedgerCommitted } from '../webhooks/ledger-commit-listeners';
import { notifyLogExtended } from './log-listeners';
import { SequencerLease } from './log-ports';

/** Entries one round sequences (one transaction); more wait for the next round, at once. */
const BATCH = 5000;
/** The merge delay is 1 s (API.md): a commit nudges the local sequencer, others' commits are found by this tick. */
const TICK_MS = 200;
/**
 * At least this long between two passes: under a write load every commit nudges, and a pass per
 * commit would cost a transaction and a signature each; waiting lets one pass take them all.
 */
const MIN_PASS_GAP_MS = 100;

/**
 * Gives committed journal entries their place in the log, in the order their commits became
 * visible, extends the Merkle tree and signs a checkpoint, off the write path: writers only queue
 * their entry. One sequencer runs at a time (the lease); its tree's right edge lives in memory and is
 * reloaded from the stored nodes whenever the stored size is not the one it expects.
 */
@Injectable()
export class LogSequencer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LogSequencer');
  private readonly origin: string;
  private readonly metrics: LogMetrics;
  private frontier: MerkleFrontier | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private lastPassAt = 0;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private unsubscribe?: () => void;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly lease: SequencerLease,
    private readonly signer: CertificateSigner,
    @Inject(REGISTRY_CONFIG) config: Pick<RegistryConfig, 'logOrigin'>,
    @Optional() metrics?: LogMetrics,
  ) {
    this.origin = config.logOrigin;
    this.metrics = metrics ?? NO_LOG_METRICS;
  }

  onApplicationBootstrap(): void {
    this.unsubscribe = onLedgerCommitted(() => this.nudge());
    this.timer = setInterval(() => this.nudge(), TICK_MS);
    this.timer.unref();
    this.nudge();
  }

  /** Sequences what is committed before letting go (and before the database closes), so a clean stop leaves nothing waiting. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.running;
    await this.sequencePending().catch(() => undefined);
    await this.lease.release();
  }

  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        const wait = this.lastPassAt + MIN_PASS_GAP_MS - Date.now();
        if (wait > 0 && !this.stopped) await sleep(wait); // commits arriving meanwhile join this pass
        await this.sequencePending().catch((error: Error) => {
          this.frontier = null;
          this.logger.warn({ err: error.message }, 'log sequencing failed; retrying at the next tick');
        });
        this.lastPassAt = Date.now();
      } while (this.again && !this.stopped);
    })().finally(() => (this.running = null));
  }

  /** Sequences every entry committed so far, if this process holds the lease; answers how many. */
  async sequencePending(): Promise<number> {
    if (!(await this.lease.hold())) {
      this.frontier = null;
      return 0;
    }
    let total = 0;
    for (;;) {
      const done = await this.round();
      total += done;
      if (done < BATCH) return total;
    }
  }

  /** Whether a round has work: entries waiting, or no checkpoint yet for the stored size (a read: an idle tick writes nothing). */
  private async due(): Promise<boolean> {
    return this.uow.read(async ({ log }) => (await log.pending(1)).length > 0 || (await log.latestCheckpoint())?.size !== (await log.size()));
  }

  private async round(): Promise<number> {
    if (!(await this.due())) return 0;
    const outcome = await this.uow.write(async (stores) => {
      const size = await stores.log.size();
      const pending = await stores.log.pending(BATCH);
      if (pending.length === 0 && (await stores.log.latestCheckpoint())?.size === size) return null;
      const frontier = await this.frontierAt(stores, size);
      const leaves: { index: number; seq: number }[] = [];
      const nodes: NodeWithHash[] = [];
      for (const entry of pending) {
        leaves.push({ index: frontier.size, seq: entry.seq });
        nodes.push(...frontier.append(leafHash(journalLeafBytes(entry))));
      }
      const now = new Date();
      await stores.log.appendLeaves(leaves, nodes, now.toISOString());
      const rootHash = frontier.root();
      const note = this.signer.signNote(checkpointBody({ origin: this.origin, size: frontier.size, rootHash }), this.origin);
      await stores.log.addCheckpoint({ size: frontier.size, rootHash, note, createdAt: now.toISOString() });
      return { size: frontier.size, delays: pending.map((e) => now.getTime() - Date.parse(e.recordedAt)) };
    }).catch((error: unknown) => {
      this.frontier = null;
      throw error;
    });
    if (!outcome) return 0;
    if (outcome.delays.length > 0) notifyLogExtended();
    this.metrics.observeSequenced(outcome.size, outcome.delays);
    return outcome.delays.length;
  }

  private async frontierAt(stores: Stores, size: number): Promise<MerkleFrontier> {
    if (this.frontier?.size === size) return this.frontier;
    const ids = frontierIds(size);
    const hashes = await stores.log.nodes(ids);
    const edge = ids.map((id) => {
      const hash = hashes.get(nodeKey(id));
      if (!hash) throw new Error(`the log's node ${nodeKey(id)} is missing: the tree of size ${size} cannot be extended`);
      return hash;
    });
    this.frontier = new MerkleFrontier(size, edge);
    return this.frontier;
  }
}
