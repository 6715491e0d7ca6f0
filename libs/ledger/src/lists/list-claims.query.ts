import { Injectable } from '@nestjs/common';
import { hasRole, type Actor } from '../actor';
import { UnitOfWork, type ClaimListFilter, type ClaimRecord, type ClaimStatus, type ClaimType } from '../ports';
import { pageOf, seqCursor, type Page } from './list-page';

export interface ListClaimsCommand {
  actor: Actor;
  type?: ClaimType;
  status?: ClaimStatus;
  cursor?: string;
  limit: number;
}

/** One line of a claims list; `GET /v1/claims/{id}` has the whole claim with its findings. */
export interface ClaimSummary {
  id: string;
  type: ClaimType;
  status: ClaimStatus;
  /** The boundary of a CN claim, the product of a CFP offset. */
  subject: string | null;
  applicantId: string;
  certifierId: string | null;
  requiredTonnes: string;
  certificationNumber: string | null;
  certifiedOn: string | null;
  validFrom: string | null;
  validTo: string | null;
  createdAt: string;
  updatedAt: string;
}

export function claimSummary(claim: ClaimRecord): ClaimSummary {
  const draft = claim.draft as { boundary?: string; product?: { name?: string } };
  return {
    id: claim.id,
    type: claim.type,
    status: claim.status,
    subject: draft.product?.name ?? draft.boundary ?? null,
    applicantId: claim.applicantId,
    certifierId: claim.certifierId,
    requiredTonnes: claim.requiredTonnes,
    certificationNumber: claim.certificationNumber,
    certifiedOn: claim.certifiedOn,
    validFrom: claim.validFrom,
    validTo: claim.validTo,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
  };
}

/**
 * The claims a caller works on: an applicant its own, a provider those it may retire for, a
 * certifier those assigned to it, an auditor (and the admin) all of them; newest first.
 */
@Injectable()
export class ListClaimsQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: ListClaimsCommand): Promise<Page<ClaimSummary>> {
    const { actor, cursor, limit, type, status } = command;
    const seesAll = actor.kind === 'admin' || hasRole(actor, 'auditor');
    const filter: ClaimListFilter = {
      type,
      status,
      beforeSeq: seqCursor(cursor),
      limit: limit + 1,
      visibleTo:
        seesAll || actor.kind !== 'organization'
          ? undefined
          : {
              organizationId: actor.organizationId,
              asApplicant: hasRole(actor, 'applicant'),
              asProvider: hasRole(actor, 'provider'),
              asCertifier: hasRole(actor, 'certifier'),
            },
    };
    return this.uow.read(async ({ lists, claims }) => {
      const rows = await lists.claimIds(filter);
      const records: ClaimRecord[] = [];
      for (const row of rows.slice(0, limit)) records.push((await claims.findById(row.id))!);
      return pageOf(rows, limit, records.map(claimSummary));
    });
  }
}
