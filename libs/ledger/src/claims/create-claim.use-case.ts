import { Injectable } from '@nestjs/common';
import { assertNoRuleViolations, checkApplicantRequirements, checkPlannedRetirements, DomainError, validateClaimDraft, type ClaimDraft } from '@registry/domain';
import { newId } from '../ids';
import { actorLabel, type Actor } from '../actor';
import { runLedgerCommand, type IdempotencyRequest } from '../ledger-command';
import { UnitOfWork, type ClaimRecord, type Stores } from '../ports';
import { resolveIntake } from './claim-intake';
import { claimView, type ClaimView } from './claim-view';

export interface CreateClaimCommand {
  /** The applicant itself, or the admin filing for a named applicant (it alone may set `receivedOn`). */
  actor: Extract<Actor, { kind: 'organization' }> | Extract<Actor, { kind: 'admin' }>;
  /** The API body: a CN, CN_PLAN or CFP draft; `planClaimId` links a CN claim to its certified plan. */
  body: ClaimDraft & { applicantId?: string; planClaimId?: string };
  idempotency?: IdempotencyRequest;
}

/**
 * An applicant files a draft claim (or the admin files one for it); a draft that already breaks a
 * date rule is refused (400 RULE_VIOLATION). Every date rule counts from `receivedOn`.
 */
@Injectable()
export class CreateClaimUseCase {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(command: CreateClaimCommand): Promise<{ result: ClaimView; replayed: boolean }> {
    return runLedgerCommand(this.uow, actorLabel(command.actor), command.idempotency, async ({ stores, seq, now }) => {
      const { applicantId, receivedOn, recordedByAdmin, corporateNumber } = await resolveIntake(stores, command.actor, command.body, now);
      const id = newId();
      const { draft, evaluation } = await judgeDraft(stores, { ...command.body, applicantId, receivedOn }, id, corporateNumber);
      const claim: ClaimRecord = {
        id,
        type: draft.type,
        applicantId,
        certifierId: null,
        status: 'draft',
        draft,
        receivedOn,
        requiredTonnes: evaluation.requiredTonnes,
        rulebookId: evaluation.rulebookId,
        certificationNumber: null,
        certifiedOn: null,
        validFrom: null,
        validTo: null,
        statusReason: null,
        trueUp: null,
        createdSeq: seq,
        updatedSeq: seq,
        createdAt: now,
        updatedAt: now,
      };
      await stores.claims.insert(claim);
      const view = await claimView(stores, claim);
      return { journalType: 'claim.created', journalPayload: { id, type: claim.type, applicantId, receivedOn, receivedOnRecordedByAdmin: recordedByAdmin, draft }, result: view };
    });
  }
}

/**
 * The rules a draft must meet to be filed (or edited while a draft): date rules and figures (400),
 * the applicant's own requirements (422), planned retirements of a plan.
 */
export async function judgeDraft(stores: Stores, body: CreateClaimCommand['body'], id: string, corporateNumber: string | null) {
  const draft = await completeDraft(stores, body, id);
  const evaluation = validateClaimDraft(draft);
  assertNoRuleViolations(evaluation.findings, { invalidInput: true });
  // The applicant itself (legal personality, declarations): 422, the request is well-formed.
  assertNoRuleViolations(checkApplicantRequirements(draft, { corporateNumber }));
  if (draft.type === 'CN_PLAN') {
    checkPlannedRetirements(draft.plannedRetirements, draft.planPeriod, evaluation.requiredTonnes);
  }
  return { draft, evaluation };
}

const PLAN_HOLDER_STATUSES: readonly string[] = ['certified', 'suspended'];

function samePeriod(plan: ClaimDraft, cn: ClaimDraft): boolean {
  return plan.type === 'CN_PLAN' && cn.type === 'CN' && plan.targetPeriod.start === cn.targetPeriod?.start && plan.targetPeriod.end === cn.targetPeriod?.end;
}

/** Fills in what the rules need from the registry itself: prior plans (CNP-3.1.6) and the linked plan (CNP-3.1.4). */
async function completeDraft(stores: Stores, body: CreateClaimCommand['body'], id: string): Promise<ClaimDraft> {
  const { planClaimId, ...draft } = body;
  if (draft.type === 'CN_PLAN') {
    return { ...draft, priorPlanApplications: await stores.claims.countPlanApplications(draft.applicantId!, id) };
  }
  if (draft.type === 'CN' && planClaimId === undefined) {
    // A plan holder's CN claim for the plan's target period is plan-backed (CNP-3.1.4) whether or not it names the plan.
    const plan = (await stores.claims.plansOf(draft.applicantId!)).find((p) => PLAN_HOLDER_STATUSES.includes(p.status) && samePeriod(p.draft, draft));
    if (plan) return { ...draft, planBacked: true, planClaimId: plan.id } as ClaimDraft;
  }
  if (draft.type === 'CN' && planClaimId !== undefined) {
    const plan = await stores.claims.findById(planClaimId);
    if (!plan || plan.type !== 'CN_PLAN' || plan.applicantId !== draft.applicantId || plan.status !== 'certified') {
      throw new DomainError('VALIDATION_FAILED', 'planClaimId must name a certified CN plan of the same applicant', {
        errors: [{ field: 'planClaimId', message: 'is not a certified CN plan of this applicant' }],
      });
    }
    return { ...draft, planBacked: true, planClaimId } as ClaimDraft;
  }
  return draft as ClaimDraft;
}
