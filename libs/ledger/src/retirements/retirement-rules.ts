import { canonicalJson, checkCreditFacts, DomainError, segmentRange, type SerialRange, type ParsedSerial, type SchemeCode, type Segment } from '@registry/domain';
import type { Actor } from '../actor';
import type { BlockRecord, ClaimRecord, CreditFacts, Evidence, Stores } from '../ports';
import { blockRange, blockSerial } from '../serials/block-view';
import { parseRequestSerials } from '../serials/request-serials';
import { labelConflict, onRecordAll, refuseDoubleRecorded, refuseOverQuantity } from '../serials/serial-identity';
import { claimToBack, refuseIneligible } from './claim-backing';
import { isCalendarDate, todayInJapan } from './japan-date';

/**
 * The rules a retirement request must pass, in the order API.md gives them, shared by the
 * retirement itself (RetireCreditsUseCase, which then writes) and its preview
 * (PreviewRetirementQuery, which only reads): one copy, so a preview never says yes where the
 * retirement says no.
 */
export interface RetirementRequest {
  actor: Extract<Actor, { kind: 'organization' }>;
  serials: string[];
  scheme?: SchemeCode;
  claimId?: string;
  retiredOn?: string;
  evidence?: Evidence;
  /** What the caller states about the credits (creator, issue date, …), for the programs' rules. */
  creditFacts?: CreditFacts;
}

export type LiveBlock = BlockRecord & { range: SerialRange };
/** `serial` carries the scheme on record; `contradicted`: the request's label says otherwise. */
export type PlannedSerial = { serial: ParsedSerial; contradicted: boolean; segments: Segment<LiveBlock>[] };

/** What is read from the request alone (400 before anything is looked up): the serials and the retirement date. */
export function readRetirementRequest(request: RetirementRequest): { serials: ParsedSerial[]; retiredOn: string } {
  const serials = parseRequestSerials(request.serials, request.scheme);
  const retiredOn = request.retiredOn ?? todayInJapan();
  if (!isCalendarDate(retiredOn)) {
    throw new DomainError('VALIDATION_FAILED', `retiredOn ${retiredOn} is not a calendar date`, {
      errors: [{ field: 'retiredOn', message: 'must be a real date YYYY-MM-DD' }],
    });
  }
  if (retiredOn > todayInJapan()) {
    throw new DomainError('VALIDATION_FAILED', `retiredOn ${retiredOn} is in the future`, {
      errors: [{ field: 'retiredOn', message: 'must not be in the future (Japan time)' }],
    });
  }
  checkCreditFacts(request.creditFacts, retiredOn);
  return { serials, retiredOn };
}

/**
 * The ledger's blocks under each serial. `lock`: the retirement locks them until it commits
 * (PostgreSQL: all serials' blocks together, a fixed number of statements for any count); the
 * preview reads them as they are.
 */
export async function planRetirement(stores: Stores, serials: readonly ParsedSerial[], labelled: boolean, lock: boolean): Promise<PlannedSerial[]> {
  const overlapping = lock
    ? await stores.blocks.liveOverlappingForUpdateAll(serials.map((s) => ({ namespace: s.namespace, start: s.range.start, end: s.range.end })))
    : await Promise.all(serials.map((s) => stores.blocks.liveOverlapping(s.namespace, s.range.start, s.range.end)));
  serials.forEach((asked, i) => refuseDoubleRecorded(asked, overlapping[i]));
  const recorded = await onRecordAll(stores, serials, labelled);
  return recorded.map(({ serial, contradicted }, i) => ({
    serial,
    contradicted,
    segments: segmentRange(serial.range, overlapping[i].map((b) => ({ ...b, range: blockRange(b) }))),
  }));
}

/**
 * The claim to back (if any), the plan, and every refusal in API.md's order: the whole of what a
 * retirement checks once it has the ledger's rows. Throws the first refusal.
 */
export async function checkRetirement(
  stores: Stores,
  request: RetirementRequest,
  read: { serials: ParsedSerial[]; retiredOn: string },
  maxBlockQuantity: bigint,
  lock: boolean,
): Promise<{ plan: PlannedSerial[]; claim: ClaimRecord | null }> {
  const claim = request.claimId === undefined ? null : await claimToBack(stores, request.actor, request.claimId);
  const plan = await planRetirement(stores, read.serials, request.scheme !== undefined, lock);
  refusePlan(request, read.retiredOn, plan, claim, maxBlockQuantity);
  return { plan, claim };
}

/** The refusals that need the ledger's rows (`plan`) and the claim backed (if any), first one thrown. */
export function refusePlan(request: RetirementRequest, retiredOn: string, plan: PlannedSerial[], claim: ClaimRecord | null, maxBlockQuantity: bigint): void {
  const onRecordSerials = plan.map((p) => p.serial);
  const refuseUnprocessable = claim === null ? undefined : () => refuseIneligible(claim, onRecordSerials, retiredOn, request.creditFacts);
  refuseConflicts(request, retiredOn, plan, maxBlockQuantity, refuseUnprocessable);
}

/** API.md precedence: 400 before 422 before 409, and ALREADY_RETIRED before NOT_HELD. */
function refuseConflicts(request: RetirementRequest, retiredOn: string, plan: PlannedSerial[], maxBlockQuantity: bigint, refuseUnprocessable?: () => void): void {
  const all = plan.flatMap(({ serial, segments }) => segments.map((segment) => ({ serial, segment })));
  const held = all.filter(({ segment }) => segment.block?.status === 'held');
  const backdated = held.find(({ segment }) => segment.block!.enteredOn !== null && retiredOn < segment.block!.enteredOn);
  if (backdated) {
    const enteredOn = backdated.segment.block!.enteredOn!;
    throw new DomainError('VALIDATION_FAILED', `retiredOn ${retiredOn} is before ${enteredOn}, the day ${backdated.serial.canonical} entered the ledger`, {
      errors: [{ field: 'retiredOn', message: `held serials are retired when the request is made: not before ${enteredOn}` }],
    });
  }
  const unknown = all.filter(({ segment }) => !segment.block);
  for (const { serial, segment } of unknown) refuseOverQuantity({ ...serial, range: segment.range }, 'serials', maxBlockQuantity);
  if (unknown.length > 0 && !request.evidence) {
    throw new DomainError('EVIDENCE_REQUIRED', `${unknown.length} part(s) are not in the ledger; give the managing registry's evidence of their retirement`, {
      field: 'evidence',
      unknown: unknown.map(({ serial, segment }) => ({ namespace: serial.namespace, start: String(segment.range.start), end: String(segment.range.end) })),
    });
  }
  refuseUnprocessable?.();
  const retired = all.filter(({ segment }) => segment.block?.status === 'retired');
  if (retired.length > 0) {
    throw new DomainError('ALREADY_RETIRED', `${retired.length} part(s) are already retired`, {
      conflicts: retired.map(({ serial, segment }) => ({
        namespace: serial.namespace,
        start: String(segment.range.start),
        end: String(segment.range.end),
        retirementId: segment.block!.retirementId,
      })),
    });
  }
  const relabelled = plan.filter((p) => p.contradicted);
  if (relabelled.length > 0) throw labelConflict(relabelled.map((p) => p.serial), request.scheme!);
  const notHeld = all.filter(({ segment }) => segment.block?.status === 'held' && segment.block.ownerId !== request.actor.organizationId);
  if (notHeld.length > 0) {
    throw new DomainError('NOT_HELD', `${notHeld.length} part(s) are held by another organisation`, {
      conflicts: notHeld.map(({ serial, segment }) => ({ namespace: serial.namespace, start: String(segment.range.start), end: String(segment.range.end), status: 'held' })),
    });
  }
  const mismatched = all.filter(({ serial, segment }) => segment.block && canonicalJson(segment.block.attributes) !== canonicalJson(serial.attributes));
  if (mismatched.length > 0) {
    const { serial, segment } = mismatched[0];
    throw new DomainError('SERIAL_CONFLICT', `${serial.canonical} differs from the ledger's ${blockSerial(segment.block!, segment.range)}`, {
      conflicts: mismatched.map(({ segment: s }) => ({ namespace: s.block!.namespace, start: String(s.range.start), end: String(s.range.end), status: 'held' })),
    });
  }
}
