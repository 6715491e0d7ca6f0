/** Every background job the registry knows, with its payload. */
export interface JobPayloads {
  /** Proves the job path end to end: records which process ran it. */
  heartbeat: { requestedAt: string };
  /** Renders the PDF of a certificate (version 1 when absent) as it stands in `status`. */
  'certificate-pdf': { number: string; status: 'valid' | 'revoked' | 'suspended' | 'withdrawn' | 'expired'; version?: number };
  /** One attempt (and the queue's retries) at POSTing a webhook delivery (libs/ledger/src/webhooks). */
  'webhook-delivery': { deliveryId: string };
  /** Compares a stored registry export with the ledger (reconciliations table). */
  reconciliation: { id: string };
  /** Runs a holdings import whose upload is stored (resumes after its last committed batch). */
  'holdings-import': { importId: string };
  /** The certificate PDF repair sweep, as a repeating job when the queue is shared (one schedule for every worker). */
  'certificate-sweep': Record<string, never>;
}

export type JobName = keyof JobPayloads;

export const REGISTRY_QUEUE = 'registry';
/**
 * Repeating jobs (job schedulers) live on a queue of their own: a scheduler always keeps its next
 * run delayed, which on the registry queue would read as a backlog (health, metrics, idle checks).
 */
export const SCHEDULE_QUEUE = 'registry-schedules';

export interface JobContext {
  jobId: string;
  /** 1 for the first try. */
  attempt: number;
  /** Which process ran the job: 'api' (in-process) or 'worker'. */
  processRole: string;
}

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], context: JobContext) => Promise<void>;

export type JobHandlers = { [N in JobName]: JobHandler<N> };

/** Injection token for the JobHandlers map (built from use cases in libs/ledger). */
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

export interface EnqueueOptions {
  /** Deterministic id: enqueuing the same id twice runs the job once. */
  jobId: string;
}

export interface QueueHealth {
  ok: boolean;
  mode: 'in-process' | 'bullmq';
  waiting?: number;
  active?: number;
  failed: number;
  error?: string;
}

/** Retries and backoff shared by both queue implementations. */
export const JOB_RETRY = { attempts: 5, backoffMs: 500 } as const;

export abstract class JobQueue {
  abstract enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions): Promise<void>;
  abstract health(): Promise<QueueHealth>;
  /**
   * Registers a repeating job under a fixed id, once for every process that shares the queue (so N
   * replicas make one schedule). False when the queue is not shared (in-process): the caller keeps its own timer.
   */
  async scheduleAcrossProcesses<N extends JobName>(_schedulerId: string, _name: N, _payload: JobPayloads[N], _everyMs: number): Promise<boolean> {
    return false;
  }
}
