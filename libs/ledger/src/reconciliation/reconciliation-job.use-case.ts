import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import type { JobPayloads } from '@registry/jobs';
import { UnitOfWork } from '../ports';
import { RunReconciliationUseCase } from './run-reconciliation.use-case';

const logger = new Logger('ReconciliationJob');

/** The `reconciliation` job: runs a queued reconciliation from the export stored with it. */
@Injectable()
export class ReconciliationJobUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly run: RunReconciliationUseCase,
  ) {}

  async execute({ id }: JobPayloads['reconciliation']): Promise<void> {
    const record = await this.uow.read((s) => s.reconciliations.findById(id));
    if (!record) throw new Error(`reconciliation ${id} does not exist`);
    if (record.status === 'done') return;
    const source = await this.uow.read((s) => s.reconciliations.source(id));
    if (source === null) throw new Error(`reconciliation ${id} has no export stored`);
    try {
      await this.run.execute({
        reconciliationId: id,
        source,
        format: record.format ?? undefined,
        scopeOrganizationId: record.scopeOrganizationId,
        keepMatchedLines: true,
        actor: record.organizationId ? `org:${record.organizationId}` : 'operator',
      });
    } catch (error) {
      // The export itself is at fault: recorded as failed by the run, a retry would fail the same way.
      if (error instanceof DomainError) {
        logger.warn({ id, code: error.code, err: error.message }, 'reconciliation refused its export');
        return;
      }
      throw error;
    }
  }
}
