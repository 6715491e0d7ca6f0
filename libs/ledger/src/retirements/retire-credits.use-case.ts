import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { canonicalJson, checkCreditFacts, DomainError, segmentRange, SerialRange, type ParsedSerial, type SchemeCode, type Segment } from '@registry/domain';
import { newId } from '../ids';
import { actorLabel, type Actor } from '../actor';
import { splitBlocks } from '../holdings/split-block';
import { runLedgerCommand, type IdempotencyRequest, type LedgerContext } from '../ledger-command';
import { JobQueue } from '@registry/jobs';
import { enqueueCertificatePdf } from '../certificates/certificate-pdf-job';
import { issueCertificate } from '../certificates/issue-certificate';
import { CertificateSigner, UnitOfWork, type BlockRecord, type ClaimRecord, type CreditFacts, type Evidence, type RetirementRecord } from '../ports';
import { blockRange, blockSerial } from '../serials/block-view';
import { parseRequestSerials } from '../serials/request-serials';
import { labelConflict, onRecordAll, refuseDoubleRecorded, refuseOverQuantity } from '../serials/serial-identity';
import { certificateNumber, isCalendarDate, todayInJapan } from './japan-date';
import { claimToBack, refuseIneligible } from './claim-backing';
import { retirementView, type RetirementView } from './retirement-view';

export interface RetireCreditsCommand {
  actor: Extract<Actor, { kind: 'organization' }>;
  serials: string[];
  scheme?: SchemeCode;
  claimId?: string;
  beneficiary: string;
  purpose: string;
  retiredOn?: string;
  evidence?: Evidence;
  /** What the caller states about the credits (creator, issue date, …), for the programs' rules. */
  creditFacts?: CreditFacts;
  idempotency?: IdempotencyRequest;
}

type LiveBlock = BlockRecord & { range: SerialRange };
/** `serial` carries the scheme on record; `contradicted`: the request's label says otherwise. */
type Planned = { serial: ParsedSerial; contradicted: boolean; segments: Segment<LiveBlock>[] };

/**
 * Retires serials for a beneficiary: parts the caller holds are consumed (blocks split), parts the
 * ledger does not know are recorded as retired outside it (evidence required). All or nothing.
 */
@Injectable()
export class RetireCreditsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly signer: CertificateSigner,
    private readonly queue: JobQueue,
    @Inject(REGISTRY_CONFIG) private readonly config: Pick<RegistryConfig, 'maxBlockQuantity'>,
  ) {}

  async execute(command: RetireCreditsCommand): Promise<{ result: RetirementView; replayed: boolean }> {
    const serials = parseRequestSerials(command.serials, command.scheme);
    const retiredOn = command.retiredOn ?? todayInJapan();
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
    checkCreditFacts(command.creditFacts, retiredOn);
    const outcome = await runLedgerCommand(this.uow, actorLabel(command.actor), command.idempotency, async (context) => {
      const claim = command.claimId === undefined ? null : await claimToBack(context.stores, command.actor, command.claimId);
      const plan = await this.plan(context, serials, command.scheme !== undefined);
      const onRecordSerials = plan.map((p) => p.serial);
      this.refuseConflicts(command, retiredOn, plan, claim === null ? undefined : () => refuseIneligible(claim, onRecordSerials, retiredOn, command.creditFacts));
      return this.write(context, command, retiredOn, plan, claim);
    }, { concurrent: true });
    // Only after the commit: a job never points at a retirement that was rolled back. Not awaited:
    // the answer does not wait for Redis, and what fails to be enqueued the repair sweep finds.
    void enqueueCertificatePdf(this.queue, outcome.result.certificateNumber, 'valid');
    return outcome;
  }

  /** Locks what every asked serial overlaps, then reads the schemes on record: a fixed number of statements for any count of serials. */
  private async plan({ stores }: LedgerContext, serials: ParsedSerial[], labelled: boolean): Promise<Planned[]> {
    const overlapping = await stores.blocks.liveOverlappingForUpdateAll(serials.map((s) => ({ namespace: s.namespace, start: s.range.start, end: s.range.end })));
    serials.forEach((asked, i) => refuseDoubleRecorded(asked, overlapping[i]));
    const recorded = await onRecordAll(stores, serials, labelled);
    return recorded.map(({ serial, contradicted }, i) => ({
      serial,
      contradicted,
      segments: segmentRange(serial.range, overlapping[i].map((b) => ({ ...b, range: blockRange(b) }))),
    }));
  }

  /** API.md precedence: 400 before 422 before 409, and ALREADY_RETIRED before NOT_HELD. */
  private refuseConflicts(command: RetireCreditsCommand, retiredOn: string, plan: Planned[], refuseUnprocessable?: () => void): void {
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
    for (const { serial, segment } of unknown) refuseOverQuantity({ ...serial, range: segment.range }, 'serials', this.config.maxBlockQuantity);
    if (unknown.length > 0 && !command.evidence) {
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
    if (relabelled.length > 0) throw labelConflict(relabelled.map((p) => p.serial), command.scheme!);
    const notHeld = all.filter(({ segment }) => segment.block?.status === 'held' && segment.block.ownerId !== command.actor.organizationId);
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

  private async write({ stores, seq, now }: LedgerContext, command: RetireCreditsCommand, retiredOn: string, plan: Planned[], claim: ClaimRecord | null) {
    const year = Number(todayInJapan(new Date(now)).slice(0, 4));
    const retirement: RetirementRecord = {
      id: newId(),
      organizationId: command.actor.organizationId,
      apiKeyId: command.actor.apiKeyId ?? null,
      quantity: plan.reduce((sum, p) => sum + p.serial.range.quantity, 0n),
      retiredOn,
      beneficiary: command.beneficiary,
      purpose: command.purpose,
      claimId: command.claimId ?? null,
      evidence: command.evidence ?? null,
      serials: plan.map((p) => p.serial.canonical),
      certificateNumber: certificateNumber(year, await stores.sequences.next(`RC-${year}`)),
      creditFacts: command.creditFacts ?? null,
      createdSeq: seq,
      createdAt: now,
    };
    await stores.retirements.insert(retirement);
    await issueCertificate(stores, this.signer, retirement, plan.map((p) => p.serial), claim);
    const retiredPart = { status: 'retired' as const, retirementId: retirement.id, ownerId: retirement.organizationId };

    const takenByBlock = new Map<string, { block: LiveBlock; ranges: SerialRange[] }>();
    const created: BlockRecord[] = [];
    for (const { serial, segments } of plan) {
      for (const { block, range } of segments) {
        if (block) {
          const entry = takenByBlock.get(block.id) ?? { block, ranges: [] };
          entry.ranges.push(range);
          takenByBlock.set(block.id, entry);
          continue;
        }
        const outside: BlockRecord = {
          id: newId(), scheme: serial.scheme, namespace: serial.namespace, start: range.start, end: range.end,
          attributes: serial.attributes, parentId: null, createdSeq: seq, ...retiredPart,
          evidenceRegistry: command.evidence!.registry, evidenceReference: command.evidence!.reference,
          enteredOn: todayInJapan(new Date(now)), identityDuplicate: false,
        };
        await stores.blocks.insert(outside);
        created.push(outside);
      }
    }
    // One split per held block, even when the request takes several parts of it.
    created.push(...(await splitBlocks(stores, seq, [...takenByBlock.values()], () => retiredPart)));
    const view = retirementView(retirement);
    return {
      journalType: 'retirement.created',
      journalPayload: {
        ...view,
        closedBlocks: [...takenByBlock.keys()],
        createdBlocks: created.map((b) => ({ id: b.id, namespace: b.namespace, start: String(b.start), end: String(b.end), status: b.status })),
      },
      result: view,
    };
  }
}
