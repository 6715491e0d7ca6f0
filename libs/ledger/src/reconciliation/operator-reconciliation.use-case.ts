import { Injectable } from '@nestjs/common';
import type { RegistryExportFormat } from '@registry/domain';
import { randomUUID } from 'node:crypto';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork } from '../ports';
import type { ReconciliationLine, ReconciliationSummary } from './reconciliation-ports';
import { RunReconciliationUseCase } from './run-reconciliation.use-case';

export interface OperatorReconciliationCommand {
  source: AsyncIterable<Buffer | string>;
  format?: RegistryExportFormat;
  /** Compare only this organisation's blocks; null for every block. */
  scopeOrganizationId: string | null;
  onLine?: (line: ReconciliationLine) => void | Promise<void>;
}

/**
 * `reconcile` from the CLI: the operator's run, in this process, streaming the file. The run and
 * its alerts are stored and journaled as an API one is; the matched parts go only to the report file.
 */
@Injectable()
export class OperatorReconciliationUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly run: RunReconciliationUseCase,
  ) {}

  async execute(command: OperatorReconciliationCommand): Promise<{ id: string } & ReconciliationSummary> {
    const id = randomUUID();
    await runLedgerCommand(this.uow, 'operator', undefined, async ({ stores, now }) => {
      await stores.reconciliations.insert(
        { id, organizationId: null, scopeOrganizationId: command.scopeOrganizationId, format: command.format ?? null, layout: null, status: 'queued', rows: 0, matched: 0, alertCount: 0, unreadable: 0, error: null, createdAt: now, finishedAt: null },
        null,
      );
      return { journalType: 'reconciliation.requested', journalPayload: { reconciliationId: id, format: command.format ?? null, scopeOrganizationId: command.scopeOrganizationId, by: 'cli' }, result: null };
    });
    const summary = await this.run.execute({
      reconciliationId: id,
      source: command.source,
      format: command.format,
      scopeOrganizationId: command.scopeOrganizationId,
      keepMatchedLines: false,
      onLine: command.onLine,
      actor: 'operator',
    });
    return { id, ...summary };
  }
}
