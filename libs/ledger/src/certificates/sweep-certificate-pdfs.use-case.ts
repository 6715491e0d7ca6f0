import { Injectable, Logger } from '@nestjs/common';
import { JobQueue } from '@registry/jobs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { CertificatePdfStore, UnitOfWork, type CertificateStore, type PdfCandidate, type PdfKey } from '../ports';
import { todayInJapan } from '../retirements/japan-date';
import { enqueueCertificatePdf } from './certificate-pdf-job';

const PAGE = 500;
/**
 * Entry ids are taken when a transaction starts and PostgreSQL writers commit in parallel, so a
 * certificate can become visible after others with higher ids were checked: each sweep looks again
 * at this many ids before where the last one stopped (a few pages; a transaction open that long is rare).
 */
const SETTLE_WINDOW = 10_000;

/** One kind of due PDF (valid ones by issue, revoked ones by revocation, later versions, claim certificates by the claim's last change), paged by journal seq. */
interface DueStream {
  page(certificates: CertificateStore, afterSeq: number, limit: number): Promise<PdfCandidate[]>;
  /** Every PDF due at or before this seq was present when last checked, so later sweeps start after it. */
  checkedThrough: number;
}

/**
 * Re-enqueues PDFs that were committed but never rendered (a crash between commit and enqueue, Redis
 * down). The first sweep of a process reads every certificate; later ones start where everything
 * before was found rendered. Pages are read one by one, yielding in between, so the API keeps serving.
 */
@Injectable()
export class SweepCertificatePdfsUseCase {
  private readonly logger = new Logger('SweepCertificatePdfs');
  private readonly streams: DueStream[] = [
    { page: (c, after, limit) => c.validIssuedAfter(after, limit), checkedThrough: 0 },
    { page: (c, after, limit) => c.revokedAfter(after, limit), checkedThrough: 0 },
    { page: (c, after, limit) => c.versionsIssuedAfter(after, limit), checkedThrough: 0 },
    { page: (c, after, limit) => c.claimCertificatesChangedAfter(after, limit, todayInJapan()), checkedThrough: 0 },
  ];
  private running = false;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly pdfs: CertificatePdfStore,
    private readonly queue: JobQueue,
  ) {}

  /** Enqueues at most `limit` missing PDFs; returns how many. A sweep still running makes this one a no-op. */
  async execute(limit = 500, pageSize = PAGE, settleWindow = SETTLE_WINDOW): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      let enqueued = 0;
      for (const stream of this.streams) enqueued += await this.sweep(stream, limit - enqueued, pageSize, settleWindow);
      if (enqueued > 0) this.logger.log({ count: enqueued }, 're-enqueued certificate PDFs');
      return enqueued;
    } finally {
      this.running = false;
    }
  }

  private async sweep(stream: DueStream, budget: number, pageSize: number, settleWindow: number): Promise<number> {
    let enqueued = 0;
    let cursor = Math.max(0, stream.checkedThrough - settleWindow);
    let gapSeen = false;
    while (enqueued < budget) {
      const page = await this.uow.read(({ certificates }) => stream.page(certificates, cursor, pageSize));
      if (page.length === 0) break;
      const key = (k: PdfKey) => `${k.number} ${k.version ?? 1}`;
      const missing = new Set((await this.pdfs.missing(page)).map(key));
      for (const due of page) {
        if (!missing.has(key(due))) {
          if (!gapSeen) stream.checkedThrough = due.seq;
        } else {
          gapSeen = true;
          if (enqueued < budget) {
            await enqueueCertificatePdf(this.queue, due.number, due.status, due.version);
            enqueued++;
          }
        }
      }
      cursor = page[page.length - 1].seq;
      if (page.length < pageSize) break;
      await nextTurn();
    }
    return enqueued;
  }
}
