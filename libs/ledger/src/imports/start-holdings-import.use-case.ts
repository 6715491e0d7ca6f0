import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { JobQueue } from '@registry/jobs';
import { actorLabel, type Actor } from '../actor';
import { UnitOfWork } from '../ports';
import { CreateHoldingsImportUseCase } from './create-holdings-import.use-case';

export interface StartHoldingsImportCommand {
  actor: Extract<Actor, { kind: 'organization' }>;
  format?: string;
  dryRun: boolean;
  /** The uploaded statement, read as it arrives. */
  body: AsyncIterable<Buffer | string>;
  maxBytes: number;
}

/** Stored in pieces of this size: the worker reads the file back one piece at a time. */
export const SOURCE_CHUNK_BYTES = 1024 * 1024;

const logger = new Logger('StartHoldingsImport');

export function holdingsImportJobId(importId: string): string {
  return `holdings-import.${importId}`;
}

/**
 * POST /v1/imports: records the import, stores the upload in the database as it streams in (a worker
 * in another process reads it from there; no upload is ever whole in memory), then queues the job.
 */
@Injectable()
export class StartHoldingsImportUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly create: CreateHoldingsImportUseCase,
    private readonly queue: JobQueue,
  ) {}

  async execute(command: StartHoldingsImportCommand): Promise<{ id: string; status: 'queued' }> {
    const record = await this.create.execute({
      organizationId: command.actor.organizationId,
      actor: actorLabel(command.actor),
      format: command.format,
      dryRun: command.dryRun,
    });
    try {
      await this.storeSource(record.id, command.body, command.maxBytes);
      await this.uow.write((stores) => stores.imports.markSourceComplete(record.id, new Date().toISOString()));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.uow.write((stores) => stores.imports.setStatus(record.id, 'failed', new Date().toISOString(), { error: `refused: upload: ${message}` }));
      throw error;
    }
    try {
      await this.queue.enqueue('holdings-import', { importId: record.id }, { jobId: holdingsImportJobId(record.id) });
    } catch (error) {
      // Committed but not queued: the import stays `queued`; enqueuing again (same job id) runs it once.
      logger.warn({ importId: record.id, err: (error as Error).message }, 'could not enqueue the import');
    }
    return { id: record.id, status: 'queued' };
  }

  private async storeSource(importId: string, body: AsyncIterable<Buffer | string>, maxBytes: number): Promise<void> {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let total = 0;
    let chunk = 0;
    const flush = async () => {
      const content = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      const n = chunk++;
      await this.uow.write((stores) => stores.imports.appendSourceChunk(importId, n, content));
    };
    for await (const piece of body) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
      total += bytes.length;
      if (total > maxBytes) throw new DomainError('PAYLOAD_TOO_LARGE', `a statement may be at most ${maxBytes} bytes`, { limit: maxBytes });
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (pendingBytes >= SOURCE_CHUNK_BYTES) await flush();
    }
    if (pendingBytes > 0 || chunk === 0) await flush();
  }
}
