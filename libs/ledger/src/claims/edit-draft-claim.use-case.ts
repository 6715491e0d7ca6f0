import { Injectable } from '@nestjs/common';
import { DomainError, type ClaimDraft } from '@registry/domain';
import { actorLabel, type Actor } from '../actor';
import { runLedgerCommand } from '../ledger-command';
import { UnitOfWork } from '../ports';
import { forbidden, isApplicant, loadClaim } from './claim-access';
import { claimView, type ClaimView } from './claim-view';
import { judgeDraft } from './create-claim.use-case';

/** What the registry fills into a stored draft; the rest is what the applicant wrote. */
const REGISTRY_FIELDS = ['applicantId', 'receivedOn', 'priorPlanApplications', 'planBacked'] as const;

/** The draft as the applicant wrote it (what a PATCH is applied to). */
export function editableDraft(draft: ClaimDraft): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...draft };
  for (const field of REGISTRY_FIELDS) delete copy[field];
  return copy;
}

export interface EditDraftClaimCommand {
  actor: Actor;
  claimId: string;
  /** The whole edited draft, already checked field by field. */
  draft: Record<string, unknown>;
  /** `updatedAt` of the claim the edit was made on: a claim changed since is 409, not overwritten. */
  basedOn: string;
}

/**
 * The applicant (or the admin) edits its claim while it is a draft. The edited draft meets every
 * rule a new one does, counted from the same `receivedOn`; the journal keeps the draft as edited.
 */
@Injectable()
export class EditDraftClaimUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: EditDraftClaimCommand): Promise<ClaimView> {
    const { result } = await runLedgerCommand(this.uow, actorLabel(command.actor), undefined, async ({ stores, seq, now }) => {
      const claim = await loadClaim(stores, command.claimId);
      if (command.actor.kind !== 'admin' && !isApplicant(command.actor, claim)) throw forbidden('only the applicant edits its claim');
      if (claim.status !== 'draft') {
        throw new DomainError('INVALID_STATE', `a ${claim.status} claim cannot be edited; only drafts can`, { claimStatus: claim.status, allowedFrom: ['draft'] });
      }
      if (claim.updatedAt !== command.basedOn) {
        throw new DomainError('INVALID_STATE', 'the claim changed while it was being edited: read it again and re-apply the change', { claimStatus: claim.status });
      }
      const fixed = ['applicantId', 'receivedOn'].filter((field) => command.draft[field] !== undefined);
      if (fixed.length > 0) {
        throw new DomainError('VALIDATION_FAILED', `${fixed.join(' and ')} cannot be edited: they are recorded when the claim is filed`, {
          errors: fixed.map((field) => ({ field, message: 'is recorded when the claim is filed and cannot be edited' })),
        });
      }
      if (command.draft.type !== claim.type) {
        throw new DomainError('VALIDATION_FAILED', `type cannot change (${claim.type}); file a new claim instead`, { errors: [{ field: 'type', message: `must stay ${claim.type}` }] });
      }
      const applicant = await stores.organizations.findById(claim.applicantId);
      const body = { ...command.draft, applicantId: claim.applicantId, receivedOn: claim.receivedOn } as unknown as Parameters<typeof judgeDraft>[1];
      const { draft, evaluation } = await judgeDraft(stores, body, claim.id, applicant?.corporateNumber ?? null);
      const edited = { ...claim, draft, requiredTonnes: evaluation.requiredTonnes, rulebookId: evaluation.rulebookId, updatedSeq: seq, updatedAt: now };
      await stores.claims.updateDraft(edited);
      return { journalType: 'claim.edited', journalPayload: { claimId: claim.id, draft }, result: await claimView(stores, edited) };
    });
    return result;
  }
}
