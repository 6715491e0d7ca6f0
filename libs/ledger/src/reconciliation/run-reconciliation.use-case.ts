import { Injectable } from '@nestjs/common';
import { evidenceNamesRegistry, type RegistryExportFormat } from '@registry/domain';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork } from '../ports';
import { compareExportRanges, sortExportRanges } from './compare-export-ranges';
import { LedgerBlockCursor } from './ledger-block-cursor';
import { readExportRanges } from './read-export-ranges';
import { ReconciliationAlertListener } from './reconciliation-alert-listener';
import { outcomeLine, unreadableLine } from './reconciliation-lines';
import type { ReconciliationLine, ReconciliationSummary } from './reconciliation-ports';
import { projectKey, projectOf, type ReconciliationAlertKind } from './reconciliation-types';
import { UncoveredRetirements } from './uncovered-retirements';

export interface RunReconciliationCommand {
  reconciliationId: string;
  source: AsyncIterable<Buffer | string> | string;
  format?: RegistryExportFormat;
  /** Whose blocks are compared; null for all (an auditor, the operator). */
  scopeOrganizationId: string | null;
  /** Store matched parts too (the API serves the whole report); the CLI writes them to its file only. */
  keepMatchedLines: boolean;
  /** Every report line, in order, as it is made. */
  onLine?: (line: ReconciliationLine) => void | Promise<void>;
  /** How the journal names who ran it. */
  actor: string;
}

const LINES_PER_WRITE = 1_000;

/**
 * Compares a managing registry's export with the ledger (API.md "Reconciliation"): reads the export
 * as a stream into small sorted ranges, merges them with the ledger's live blocks of the same
 * namespaces read in the same order (no query per row), stores the alerts (and the matched parts
 * when asked) and journals the outcome.
 */
@Injectable()
export class RunReconciliationUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly alerts: ReconciliationAlertListener,
  ) {}

  async execute(command: RunReconciliationCommand): Promise<ReconciliationSummary> {
    const id = command.reconciliationId;
    const record = await this.uow.read((s) => s.reconciliations.findById(id));
    if (!record) throw new Error(`reconciliation ${id} does not exist`);
    await this.uow.write((s) => s.reconciliations.start(id));
    const pending: ReconciliationLine[] = [];
    let position = 0;
    let matched = 0;
    let alertCount = 0;
    let unreadable = 0;
    const alertsByKind: Partial<Record<ReconciliationAlertKind, number>> = {};
    const flush = async () => {
      const lines = pending.splice(0);
      if (lines.length === 0) return;
      await this.uow.write((s) => s.reconciliations.appendLines(id, lines));
      const alerts = lines.filter((line) => line.outcome !== 'matched' && line.outcome !== 'unreadable');
      if (alerts.length > 0) await this.alerts.alertsRaised(record, alerts);
    };
    // Waits only when the report's writer or the store has to: a million lines do not each cost a promise.
    const add = (line: ReconciliationLine): void | Promise<void> => {
      if (line.outcome === 'matched') matched++;
      else if (line.outcome === 'unreadable') unreadable++;
      else {
        alertCount++;
        alertsByKind[line.outcome] = (alertsByKind[line.outcome] ?? 0) + 1;
      }
      if (line.outcome !== 'matched' || command.keepMatchedLines) pending.push(line);
      const written = command.onLine?.(line);
      if (written) return pending.length >= LINES_PER_WRITE ? written.then(flush) : written;
      if (pending.length >= LINES_PER_WRITE) return flush();
    };

    try {
      const unreadableRows: Parameters<typeof unreadableLine>[1][] = [];
      const read = await readExportRanges(command.source, command.format, (row) => unreadableRows.push(row));
      for (const row of unreadableRows) await add(unreadableLine(++position, row));
      const { table, bound, ranges } = read;
      sortExportRanges(ranges);

      const namespaces = [...new Set(ranges.map((r) => r.namespace))].sort();
      const cursor = new LedgerBlockCursor(this.uow, namespaces, command.scopeOrganizationId);
      // A full retirement list: this registry's retirements here for the projects it names must be in it.
      const uncovered = new UncoveredRetirements();
      if (bound.layout.listsAllRetirements) {
        const projects = new Set<string>();
        for (let i = 0; i < ranges.length; i++) {
          const r = ranges[i]!;
          const previous = ranges[i - 1];
          if (!previous || previous.namespace !== r.namespace || previous.project !== r.project) projects.add(projectKey(r.namespace, r.project));
        }
        cursor.onTake = (block) => {
          if (block.status === 'retired' && projects.has(projectKey(block.namespace, projectOf(block.attributes))) && evidenceNamesRegistry(table, block.evidenceRegistry)) {
            uncovered.seed(block);
          }
        };
      }
      await compareExportRanges(
        ranges,
        cursor,
        { evidenceFromThisRegistry: (ledger, row) => evidenceNamesRegistry(table, ledger.evidenceRegistry, row.registry) },
        (outcome) => {
          uncovered.cover(outcome.ledger.blockId, outcome.start, outcome.end);
          return add(outcomeLine(++position, outcome));
        },
      );
      while (await cursor.take()); // the blocks after the last row still count as not covered
      for (const { start, end, ledger } of uncovered.remaining()) {
        const detail = `retired here by ${ledger.retirementId} (${ledger.certificateNumber}) on ${ledger.retiredOn} with ${ledger.evidenceRegistry} evidence ${ledger.evidenceReference}; the export lists every retirement of this project but not this range`;
        await add(outcomeLine(++position, { outcome: 'retired_here_not_in_registry', namespace: ledger.namespace, start, end, exportRange: null, ledger, detail }));
      }
      await flush();

      const summary: ReconciliationSummary = { format: table.format, layout: bound.layout.name, rows: read.rows, matched, alertCount, unreadable };
      await runLedgerCommand(this.uow, command.actor, undefined, async ({ stores, now }) => {
        await stores.reconciliations.finish(id, summary, now);
        // `organizationId` (who asked) and `alertCount` let the webhook dispatcher send reconciliation.alert.
        const organizationId = (await stores.reconciliations.findById(id))?.organizationId ?? null;
        return {
          journalType: 'reconciliation.completed',
          journalPayload: { reconciliationId: id, organizationId, scopeOrganizationId: command.scopeOrganizationId, ...summary, alertsByKind },
          result: null,
        };
      });
      return summary;
    } catch (error) {
      await this.uow.write((s) => s.reconciliations.fail(id, (error as Error).message, new Date().toISOString()));
      throw error;
    }
  }
}
