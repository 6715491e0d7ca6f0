import { Injectable } from '@nestjs/common';
import { DomainError } from '@registry/domain';
import type { Actor } from '../actor';
import { UnitOfWork, type RetirementRecord, type Stores } from '../ports';
import { retirementView, type RetirementView } from './retirement-view';

export interface OwnRetirementCommand {
  actor: Extract<Actor, { kind: 'organization' }>;
  retirementId: string;
}

export interface OwnRetirement {
  retirement: RetirementView;
  /** Only the organisation that retired the credits records their official reference (RecordRetirementEvidenceUseCase). */
  retiredByActor: boolean;
}

/**
 * A retirement as its organisation's people see it: one their organisation made, or one backing a
 * claim their organisation applied for — the same organisations GET /v1/retirements lists it to.
 * Anyone else is answered NOT_FOUND, as if it did not exist.
 */
@Injectable()
export class OwnRetirementQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, retirementId }: OwnRetirementCommand): Promise<OwnRetirement> {
    const found = await this.uow.read(async (stores) => {
      const retirement = await stores.retirements.findById(retirementId);
      if (!retirement || !(await visibleTo(stores, retirement, actor.organizationId))) return null;
      return { retirement: retirementView(retirement, await stores.retirements.findVoid(retirementId)), retiredByActor: retirement.organizationId === actor.organizationId };
    });
    if (!found) throw new DomainError('NOT_FOUND', `retirement ${retirementId} does not exist`);
    return found;
  }
}

async function visibleTo(stores: Stores, retirement: RetirementRecord, organizationId: string): Promise<boolean> {
  if (retirement.organizationId === organizationId) return true;
  if (retirement.claimId === null) return false;
  return (await stores.claims.findById(retirement.claimId))?.applicantId === organizationId;
}
