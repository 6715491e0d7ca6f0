import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import { hasRole, type Actor } from '../actor';
import { UnitOfWork } from '../ports';
import type { ReconciliationLine, ReconciliationRecord } from './reconciliation-ports';

/** Alerts in the JSON answer; the report (CSV) has them all. */
export const ALERTS_IN_VIEW = 1_000;

export interface ReconciliationView {
  id: string;
  status: ReconciliationRecord['status'];
  format: ReconciliationRecord['format'];
  layout: string | null;
  rows: number;
  matched: number;
  unreadable: number;
  alertCount: number;
  alerts: { kind: string; serial: string; detail: string }[];
  error?: string;
  createdAt: string;
  finishedAt: string | null;
}

/** A reconciliation is read by the organisation that asked for it, and by any auditor. */
@Injectable()
export class GetReconciliationQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async record(actor: Actor, id: string): Promise<ReconciliationRecord> {
    const record = await this.uow.read((s) => s.reconciliations.findById(id));
    const visible = record && (hasRole(actor, 'auditor') || (actor.kind === 'organization' && actor.organizationId === record.organizationId));
    if (!record || !visible) throw new DomainError('NOT_FOUND', `reconciliation ${id} not found`);
    return record;
  }

  async execute(actor: Actor, id: string): Promise<ReconciliationView> {
    const record = await this.record(actor, id);
    const alerts = await this.uow.read((s) => s.reconciliations.lines(id, { alertsOnly: true, afterPosition: 0, limit: ALERTS_IN_VIEW }));
    return {
      id: record.id,
      status: record.status,
      format: record.format,
      layout: record.layout,
      rows: record.rows,
      matched: record.matched,
      unreadable: record.unreadable,
      alertCount: record.alertCount,
      alerts: alerts.map((line) => ({ kind: line.outcome, serial: line.serial, detail: line.detail })),
      ...(record.error ? { error: record.error } : {}),
      createdAt: record.createdAt,
      finishedAt: record.finishedAt,
    };
  }

  /** Every line of the report, a page at a time. */
  async *lines(actor: Actor, id: string): AsyncGenerator<ReconciliationLine> {
    await this.record(actor, id);
    let after = 0;
    for (;;) {
      const page = await this.uow.read((s) => s.reconciliations.lines(id, { alertsOnly: false, afterPosition: after, limit: 5_000 }));
      yield* page;
      if (page.length < 5_000) return;
      after = page[page.length - 1]!.position;
    }
  }
}
