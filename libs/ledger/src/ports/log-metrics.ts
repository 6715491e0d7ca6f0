/**
 * What the transparency log's sequencer reports after each run, for the operator's metrics
 * (apps/api exposes them at GET /metrics). Processes without metrics use NO_LOG_METRICS.
 */
export abstract class LogMetrics {
  /** The tree now has `treeSize` leaves; `mergeDelaysMs` are the delays, commit to sequenced, of the leaves just added. */
  abstract observeSequenced(treeSize: number, mergeDelaysMs: number[]): void;
}

/** The default where nothing collects metrics (CLI, worker, tests that do not look). */
export const NO_LOG_METRICS: LogMetrics = { observeSequenced: () => undefined };
