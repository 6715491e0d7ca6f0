import { Injectable } from '@nestjs/common';
import { JOB_RETRY, type JobContext, type JobPayloads } from '@registry/jobs';
import { Readable } from 'node:stream';
import { UnitOfWork } from '../ports';
import { RunHoldingsImportUseCase } from './run-holdings-import.use-case';

/** Smaller than the CLI's: an in-process job shares its event loop with the API's requests. */
const JOB_BATCH = 1000;

/** The `holdings-import` job: reads the stored upload piece by piece and runs the import (resuming after a crash). */
@Injectable()
export class HoldingsImportJob {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly run: RunHoldingsImportUseCase,
  ) {}

  async execute({ importId }: JobPayloads['holdings-import'], context: JobContext): Promise<void> {
    await this.run.execute({ importId, source: Readable.from(this.chunks(importId)), batchSize: JOB_BATCH, triedAgain: context.attempt < JOB_RETRY.attempts });
  }

  private async *chunks(importId: string): AsyncGenerator<Buffer> {
    for (let n = 0; ; n++) {
      const content = await this.uow.read((stores) => stores.imports.sourceChunk(importId, n));
      if (!content) return;
      yield content;
    }
  }
}
