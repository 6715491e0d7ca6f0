import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { DomainError } from '@registry/domain';
import type { Readable } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork } from '../ports';
import { readHoldingRow } from './holding-row';
import { applyHoldingsBatch, SchemeOnRecordCache, type BatchOutcome, type BatchRow } from './holdings-batch';
import type { RowReader } from './holdings-format';
import { holdingsFormatFor } from './holdings-formats';
import type { ImportRecord } from './import-ports';
import { CsvError, statementRows } from './statement-rows';

export interface RunHoldingsImportCommand {
  importId: string;
  /** The statement's bytes (CSV). */
  source: Readable;
  /** Rows per transaction and journal entry: larger is faster, smaller keeps an API process responsive. */
  batchSize?: number;
  /** Called after each committed batch (progress bar, report file). */
  onBatch?: (outcome: BatchOutcome) => void | Promise<void>;
  /**
   * True when a failure that is not the file's will be tried again (the job has attempts left): the
   * import then waits as `queued`, its error saying why, and only its last attempt ends it `failed`.
   */
  triedAgain?: boolean;
}

const DEFAULT_BATCH = 2000;

/**
 * Reads a holdings statement as a stream (constant memory whatever its size) and applies it batch by
 * batch. The import's `rowsDone` commits with each batch, so a retried run resumes after it; a
 * separate run of the same file (a new import) skips every row already held the same way.
 */
@Injectable()
export class RunHoldingsImportUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(REGISTRY_CONFIG) private readonly config: Pick<RegistryConfig, 'maxBlockQuantity'>,
  ) {}

  async execute(command: RunHoldingsImportCommand): Promise<ImportRecord> {
    const record = await this.uow.read((stores) => stores.imports.find(command.importId));
    if (!record) throw new DomainError('NOT_FOUND', `import ${command.importId} does not exist`, { field: 'id' });
    if (record.status === 'done' || (record.status === 'failed' && record.error !== null && record.error.startsWith('refused:'))) return record;
    await this.uow.write((stores) => stores.imports.setStatus(record.id, 'running', new Date().toISOString()));
    try {
      await this.readAll(record, command);
      await this.finish(record, 'done');
    } catch (error) {
      // A file that cannot be read as a statement fails for good; anything else (the database) is retried.
      const permanent = error instanceof DomainError || error instanceof CsvError;
      const message = error instanceof Error ? error.message : String(error);
      if (permanent) await this.finish(record, 'failed', `refused: ${message}`);
      else await this.uow.write((stores) => stores.imports.setStatus(record.id, command.triedAgain ? 'queued' : 'failed', new Date().toISOString(), { error: message }));
      if (!permanent) throw error;
    }
    return (await this.uow.read((stores) => stores.imports.find(record.id)))!;
  }

  /** The end of an import is journaled (import.finished: the importing organisation's webhooks hear of it). */
  private async finish(record: ImportRecord, status: 'done' | 'failed', error?: string): Promise<void> {
    await runLedgerCommand(this.uow, record.actor, undefined, async ({ stores, now }) => {
      // A run that ends well clears what an earlier attempt's failure left.
      await stores.imports.setStatus(record.id, status, now, { error: error ?? null });
      const done = (await stores.imports.find(record.id))!;
      const { total, accepted, skipped, refused, dryRun, format } = done;
      return {
        journalType: 'import.finished',
        journalPayload: { importId: record.id, organizationId: record.organizationId, status, kind: done.kind, format, dryRun, total, accepted, skipped, refused, error: error ?? null },
        result: null,
      };
    });
  }

  private async readAll(record: ImportRecord, command: RunHoldingsImportCommand): Promise<void> {
    const batchSize = command.batchSize ?? DEFAULT_BATCH;
    const context = { importId: record.id, organizationId: record.organizationId, actor: record.actor, dryRun: record.dryRun };
    const schemes = new SchemeOnRecordCache();
    let reader: RowReader | undefined;
    let row = 0;
    let batch: BatchRow[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const outcome = await applyHoldingsBatch(this.uow, context, batch, schemes);
      batch = [];
      await command.onBatch?.(outcome);
      await yieldToEventLoop();
    };
    for await (const records of await statementRows(command.source)) {
      for (const cells of records) {
        if (!reader) {
          const format = holdingsFormatFor(cells, record.format);
          reader = format.reader(cells);
          if (record.format !== format.name) await this.uow.write((stores) => stores.imports.setStatus(record.id, 'running', new Date().toISOString(), { format: format.name }));
          continue;
        }
        row++;
        if (row <= record.rowsDone) continue;
        const input = reader(cells);
        if ('refused' in input) batch.push({ row, serial: input.refused.serial, read: { code: input.refused.code, message: input.refused.message } });
        else batch.push({ row, serial: input.serial, read: readHoldingRow(input, this.config.maxBlockQuantity) });
        if (batch.length >= batchSize) await flush();
      }
    }
    if (!reader) throw new DomainError('VALIDATION_FAILED', 'header: the statement is empty (no header row)', { errors: [{ field: 'header', message: 'missing' }] });
    await flush();
  }
}
