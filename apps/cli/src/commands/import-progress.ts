/** What the progress display knows after each batch. */
export interface ImportProgressSnapshot {
  bytesRead: number;
  totalBytes: number;
  rows: number;
  accepted: number;
  skipped: number;
  refused: number;
}

const BAR_WIDTH = 28;
const PLAIN_INTERVAL_MS = 2000;

/**
 * A progress bar with rate and ETA on a terminal (redrawn in place on stderr); plain lines at most
 * every 2 s when stderr is not a TTY (CI logs, pipes), so logs stay readable.
 */
export class ImportProgressDisplay {
  private readonly startedAt = Date.now();
  private lastPlain = 0;

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  update(s: ImportProgressSnapshot): void {
    const elapsed = (Date.now() - this.startedAt) / 1000;
    const rate = elapsed > 0 ? s.rows / elapsed : 0;
    const fraction = s.totalBytes > 0 ? Math.min(1, s.bytesRead / s.totalBytes) : 0;
    const eta = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : NaN;
    const counts = `${s.rows.toLocaleString('en')} rows (${s.accepted.toLocaleString('en')} accepted, ${s.skipped.toLocaleString('en')} skipped, ${s.refused.toLocaleString('en')} refused)`;
    const pace = `${Math.round(rate).toLocaleString('en')} rows/s, ETA ${duration(eta)}`;
    if (this.out.isTTY) {
      const filled = Math.round(fraction * BAR_WIDTH);
      const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%`;
      this.out.write(`\r\x1b[2K${bar} ${counts} ${pace}`);
    } else if (Date.now() - this.lastPlain >= PLAIN_INTERVAL_MS) {
      this.lastPlain = Date.now();
      this.out.write(`import: ${(fraction * 100).toFixed(0)}% ${counts} ${pace}\n`);
    }
  }

  /** Ends the bar's line; the summary follows on its own lines. */
  finish(): void {
    if (this.out.isTTY) this.out.write('\n');
  }

  elapsedSeconds(): number {
    return (Date.now() - this.startedAt) / 1000;
  }
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mmss = `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}
