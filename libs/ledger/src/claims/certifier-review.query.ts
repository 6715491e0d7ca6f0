import { Injectable } from '@nestjs/common';
import { DomainError, type JournalEntry } from '@registry/domain';
import type { Actor } from '../actor';
import { UnitOfWork, type ClaimListFilter, type ClaimRecord, type ClaimStatus, type Stores } from '../ports';
import { claimSummary, type ClaimSummary } from '../lists/list-claims.query';
import { pageOf, seqCursor } from '../lists/list-page';
import { isApplicant, isAssignedCertifier } from './claim-access';
import { CLAIM_TRANSITIONS, type ClaimAction } from './claim-lifecycle';
import { refuseOutsideProgram } from './claim-process-steps';
import { CLAIM_TAKES_RECOMMENDATION } from './recommend-correction.use-case';
import { claimView, type ClaimView } from './claim-view';

/** The states a certification body's queue is sorted into: first what waits for it, then the decided ones. */
export const REVIEW_STATES = ['submitted', 'withdrawal_requested', 'certified', 'suspended', 'revoked', 'withdrawn'] as const satisfies readonly ClaimStatus[];
export type ReviewState = (typeof REVIEW_STATES)[number];

/** A queue's counts stop here (the page says "1000+"): counting reads ids only, but not without end. */
export const REVIEW_COUNT_CAP = 1000;

/** What the certifier may do to a claim: the lifecycle's certifier steps, and the recommendation for correction. */
export type CertifierAction = Exclude<ClaimAction, 'submit' | 'withdraw'> | 'recommend_correction';

export interface ReviewQueueItem extends ClaimSummary {
  applicantName: string;
}

export interface ReviewQueue {
  status: ReviewState;
  items: ReviewQueueItem[];
  nextCursor?: string;
  counts: Record<ReviewState, number>;
}

/** One step of the claim's history as the journal recorded it, with who took it. */
export interface ClaimHistoryEntry {
  seq: number;
  /** The journal type without `claim.` (`certify`, `suspend`, `correction_recommended`, `created` …). */
  step: string;
  recordedAt: string;
  from: string | null;
  to: string | null;
  reason: string | null;
  dueOn: string | null;
  ground: string | null;
  by: { admin: boolean; organizationName: string | null; personEmail: string | null; viaApiKey: boolean };
}

export interface ReviewedClaim {
  claim: ClaimView;
  applicant: { id: string; name: string; corporateNumber: string | null };
  verifierName: string | null;
  history: ClaimHistoryEntry[];
  /** The steps the claim's current state allows its certifier (the forms the page offers). */
  actions: CertifierAction[];
}

/**
 * A certification body's review work: the claims the admin assigned to it, by state, and one claim
 * with everything a decision needs. A claim not assigned to the caller does not exist for it
 * (NOT_FOUND, not FORBIDDEN: the page does not confirm another body's claim ids).
 */
@Injectable()
export class CertifierReviewQuery {
  constructor(private readonly uow: UnitOfWork) {}

  async queue(command: { actor: Actor; status: ReviewState; cursor?: string; limit: number }): Promise<ReviewQueue> {
    const organizationId = certifierOrganization(command.actor);
    return this.uow.read(async (stores) => {
      const visibleTo = { organizationId, asApplicant: false, asProvider: false, asCertifier: true };
      const counts = {} as Record<ReviewState, number>;
      for (const status of REVIEW_STATES) counts[status] = (await stores.lists.claimIds({ visibleTo, status, limit: REVIEW_COUNT_CAP + 1 })).length;
      const filter: ClaimListFilter = { visibleTo, status: command.status, beforeSeq: seqCursor(command.cursor), limit: command.limit + 1 };
      const rows = await stores.lists.claimIds(filter);
      const items: ReviewQueueItem[] = [];
      for (const row of rows.slice(0, command.limit)) {
        const claim = (await stores.claims.findById(row.id))!;
        items.push({ ...claimSummary(claim), applicantName: (await stores.organizations.findById(claim.applicantId))?.name ?? claim.applicantId });
      }
      const page = pageOf(rows, command.limit, items);
      return { status: command.status, counts, ...page };
    });
  }

  async claim(actor: Actor, claimId: string): Promise<ReviewedClaim> {
    return this.uow.read(async (stores) => {
      const claim = await stores.claims.findById(claimId);
      if (!claim || isApplicant(actor, claim) || !isAssignedCertifier(actor, claim)) throw notAssigned(claimId);
      const view = await claimView(stores, claim);
      const applicant = (await stores.organizations.findById(claim.applicantId))!;
      const verifier = view.verification ? await stores.organizations.findById(view.verification.verifierId) : null;
      const entries = await stores.journal.claimEntries(claim.id);
      return {
        claim: view,
        applicant: { id: applicant.id, name: applicant.name, corporateNumber: applicant.corporateNumber },
        verifierName: verifier?.name ?? null,
        history: await historyOf(stores, entries, actor),
        actions: certifierActions(claim),
      };
    });
  }
}

/** The certifier steps the claim's state and program allow, by the same tables the steps themselves check. */
export function certifierActions(claim: Pick<ClaimRecord, 'type' | 'status'> & Partial<ClaimRecord>): CertifierAction[] {
  const allowed = (action: ClaimAction) => {
    try {
      refuseOutsideProgram(claim as ClaimRecord, action);
      return true;
    } catch {
      return false;
    }
  };
  const steps = (Object.keys(CLAIM_TRANSITIONS) as ClaimAction[]).filter(
    (action) => CLAIM_TRANSITIONS[action].by === 'certifier' && CLAIM_TRANSITIONS[action].from.includes(claim.status) && allowed(action),
  ) as CertifierAction[];
  // A recommendation precedes a sanction (2.3.5 ②), so it is offered wherever suspension is.
  if (CLAIM_TAKES_RECOMMENDATION.includes(claim.status) && allowed('suspend')) steps.push('recommend_correction');
  return steps;
}

function certifierOrganization(actor: Actor): string {
  if (actor.kind !== 'organization') throw new DomainError('FORBIDDEN', 'only a certification body has a review queue');
  return actor.organizationId;
}

function notAssigned(claimId: string): DomainError {
  return new DomainError('NOT_FOUND', `claim ${claimId} is not assigned to this certification body`, { field: 'claimId' });
}

const ACTOR_LABEL = /^(?:org:([^/]+)\/(key|person):([^/]+)|admin(?:\/person:(.+))?)$/;

/** Who took each step: the organisation's name; a person's email only when they are of the reader's own organisation. */
async function historyOf(stores: Stores, entries: JournalEntry[], reader: Actor): Promise<ClaimHistoryEntry[]> {
  const names = new Map<string, string | null>();
  const nameOf = async (id: string) => {
    if (!names.has(id)) names.set(id, (await stores.organizations.findById(id))?.name ?? null);
    return names.get(id)!;
  };
  const readerOrganization = reader.kind === 'organization' ? reader.organizationId : null;
  const history: ClaimHistoryEntry[] = [];
  for (const entry of entries) {
    const payload = JSON.parse(entry.payload) as Record<string, unknown>;
    const [, organizationId, via, actorId] = ACTOR_LABEL.exec(entry.actor) ?? [];
    let personEmail: string | null = null;
    if (via === 'person' && organizationId === readerOrganization) personEmail = (await stores.people.findById(actorId))?.email ?? null;
    const text = (name: string) => (typeof payload[name] === 'string' ? (payload[name] as string) : null);
    history.push({
      seq: entry.seq,
      step: entry.type.slice('claim.'.length),
      recordedAt: entry.recordedAt,
      from: text('from'),
      to: text('to'),
      reason: text('reason') ?? text('description'),
      dueOn: text('dueOn'),
      ground: text('ground'),
      by: { admin: entry.actor.startsWith('admin'), organizationName: organizationId ? await nameOf(organizationId) : null, personEmail, viaApiKey: via === 'key' },
    });
  }
  return history;
}
