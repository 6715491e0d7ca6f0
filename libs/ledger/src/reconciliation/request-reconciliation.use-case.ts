import { Injectable } from '@nestjs/common';
import { DomainError, detectExportLayout, isRegistryExportFormat, REGISTRY_EXPORT_FORMATS, type RegistryExportFormat } from '@registry/domain';
import { JobQueue } from '@registry/jobs';
import { parse } from 'csv-parse/sync';
import { createHash, randomUUID } from 'node:crypto';
import { actorLabel, hasRole, type Actor } from '../actor';
import { runLedgerCommand, type IdempotencyRequest } from '../ledger-command';
import { UnitOfWork } from '../ports';
import type { ReconciliationStatus } from './reconciliation-ports';

export interface RequestReconciliationCommand {
  actor: Extract<Actor, { kind: 'organization' }>;
  /** The `format` query parameter as sent; absent: detected from the header. */
  format: unknown;
  /** The export as sent (text/csv). */
  body: unknown;
  idempotency?: IdempotencyRequest;
}

const invalid = (field: string, message: string) => new DomainError('VALIDATION_FAILED', `${field} ${message}`, { errors: [{ field, message }] });

/** Reads the header row only, to refuse an export no layout reads before queueing it. */
function headerOf(body: string): string[] {
  const firstLine = body.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  try {
    return (parse(firstLine, { relax_quotes: true }) as string[][])[0] ?? [];
  } catch {
    // A header cell with a line break inside quotes: let the run read the whole file.
    return [];
  }
}

/**
 * POST /v1/reconciliations: stores the export and queues its comparison with the ledger (a job).
 * An auditor compares every block; a provider only its own (held by it or retired by it).
 */
@Injectable()
export class RequestReconciliationUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queue: JobQueue,
  ) {}

  async execute(command: RequestReconciliationCommand): Promise<{ result: { id: string; status: ReconciliationStatus }; replayed: boolean }> {
    if (command.format !== undefined && !isRegistryExportFormat(command.format)) {
      throw invalid('format', `must be one of ${REGISTRY_EXPORT_FORMATS.join(', ')}`);
    }
    const format = command.format as RegistryExportFormat | undefined;
    if (typeof command.body !== 'string' || command.body.trim() === '') throw invalid('body', 'must be the registry export as text/csv');
    const header = headerOf(command.body);
    if (header.length > 0) {
      const choice = detectExportLayout(header, format);
      if (!choice.layout) throw invalid(format ? 'format' : 'body', choice.problem);
    }
    const body = command.body;
    const scopeOrganizationId = hasRole(command.actor, 'auditor') ? null : command.actor.organizationId;
    const outcome = await runLedgerCommand(this.uow, actorLabel(command.actor), command.idempotency, async ({ stores, now }) => {
      const id = randomUUID();
      await stores.reconciliations.insert(
        { id, organizationId: command.actor.organizationId, scopeOrganizationId, format: format ?? null, layout: null, status: 'queued', rows: 0, matched: 0, alertCount: 0, unreadable: 0, error: null, createdAt: now, finishedAt: null },
        body,
      );
      const sha256 = createHash('sha256').update(body).digest('hex');
      return { journalType: 'reconciliation.requested', journalPayload: { reconciliationId: id, format: format ?? null, scopeOrganizationId, sha256 }, result: { id, status: 'queued' as ReconciliationStatus } };
    });
    // A replay enqueues again: the job id is the reconciliation's, so a job already queued or done runs once.
    await this.queue.enqueue('reconciliation', { id: outcome.result.id }, { jobId: `reconciliation.${outcome.result.id}` });
    return outcome;
  }
}
