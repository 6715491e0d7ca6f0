import { Injectable } from '@nestjs/common';
import { DomainError, type SchemeCode } from '@registry/domain';
import { hasRole, type Actor } from '../actor';
import { UnitOfWork, type RetirementListFilter } from '../ports';
import { retirementView, type RetirementView } from '../retirements/retirement-view';
import { pageOf, seqCursor, type Page } from './list-page';

export interface ListRetirementsCommand {
  actor: Actor;
  beneficiary?: string;
  claimId?: string;
  scheme?: SchemeCode;
  retiredFrom?: string;
  retiredTo?: string;
  /** Auditors (and the admin) only: another organisation's retirements. */
  organizationId?: string;
  cursor?: string;
  limit: number;
}

/** A provider's or applicant's own retirements (made by it, or backing its claims); everything for auditors. */
@Injectable()
export class ListRetirementsQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: ListRetirementsCommand): Promise<Page<RetirementView>> {
    const { actor, cursor, limit, ...filters } = command;
    const seesAll = actor.kind === 'admin' || hasRole(actor, 'auditor');
    if (filters.organizationId && !seesAll) {
      throw new DomainError('FORBIDDEN', 'only auditors may list another organisation’s retirements (organizationId)', { field: 'organizationId' });
    }
    if (filters.retiredFrom && filters.retiredTo && filters.retiredFrom > filters.retiredTo) {
      throw new DomainError('VALIDATION_FAILED', 'retiredFrom is after retiredTo', { errors: [{ field: 'retiredFrom', message: 'is after retiredTo' }] });
    }
    const filter: RetirementListFilter = {
      ...filters,
      visibleTo: seesAll || actor.kind !== 'organization' ? undefined : actor.organizationId,
      beforeSeq: seqCursor(cursor),
      limit: limit + 1,
    };
    return this.uow.read(async ({ lists, retirements }) => {
      const rows = await lists.retirementIds(filter);
      const ids = rows.slice(0, limit).map((row) => row.id);
      const [records, voids] = await Promise.all([retirements.findByIds(ids), retirements.findVoids(ids)]);
      const byId = new Map(records.map((r) => [r.id, r]));
      const voidOf = new Map(voids.map((v) => [v.retirementId, v]));
      return pageOf(rows, limit, ids.map((id) => retirementView(byId.get(id)!, voidOf.get(id))));
    });
  }
}
