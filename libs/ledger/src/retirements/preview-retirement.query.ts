import { Inject, Injectable } from '@nestjs/common';
import { REGISTRY_CONFIG, type RegistryConfig } from '@registry/config';
import { DomainError, type ErrorCode, type SchemeCode } from '@registry/domain';
import { UnitOfWork, type ClaimRecord, type ClaimStatus, type ClaimType, type Stores } from '../ports';
import { parseRequestSerial } from '../serials/request-serials';
import { claimToBack, creditEligibilityForClaim } from './claim-backing';
import { isCalendarDate, todayInJapan } from './japan-date';
import { checkRetirement, planRetirement, readRetirementRequest, refusePlan, type RetirementRequest } from './retirement-rules';

/** What a retirement request would be refused with: the DomainError's code, message and where it points. */
export interface PreviewRefusal {
  code: ErrorCode;
  message: string;
  /** The request field the refusal names (`serials[2]`, `claimId`, `retiredOn`, `evidence`), when it names one. */
  field?: string;
  /** The program rule that refused it (INELIGIBLE_CREDIT). */
  rule?: string;
}

export interface SerialPreview {
  /** Position in the request's `serials`, from 0. */
  index: number;
  text: string;
  /** The serial as the ledger writes it (scheme on record), null when it cannot be read. */
  canonical: string | null;
  scheme: SchemeCode | null;
  quantity: string | null;
  /** Units of this serial the caller holds in the ledger. */
  heldQuantity: string;
  /** Parts already retired, whichever scheme label the request used. */
  retired: { start: string; end: string; retirementId: string | null }[];
  /** Units the ledger has no record of (retired outside it, with evidence). */
  outsideQuantity: string;
  /** With a claim: whether its program accepts this credit, and by which rule. */
  eligibility: { eligible: boolean; rule: string; message: string } | null;
  /** What retiring this serial alone would be refused with; null: it would be retired. */
  refusal: PreviewRefusal | null;
}

export interface RetirementPreview {
  retiredOn: string;
  claim: { id: string; type: ClaimType; status: ClaimStatus } | null;
  serials: SerialPreview[];
  /** What the retirement of the whole request would be refused with now; null: it would be retired. */
  refusal: PreviewRefusal | null;
}

export type PreviewRetirementCommand = RetirementRequest;

/**
 * A retirement request judged without writing anything: serial by serial (read, held, already
 * retired, eligible for the claim) and as a whole, by the same rules RetireCreditsUseCase applies
 * (retirement-rules.ts), so what the preview passes the retirement takes, and what it refuses the
 * retirement refuses with the same code — as of this read: another writer may change the answer.
 */
@Injectable()
export class PreviewRetirementQuery {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(REGISTRY_CONFIG) private readonly config: Pick<RegistryConfig, 'maxBlockQuantity'>,
  ) {}

  async execute(command: PreviewRetirementCommand): Promise<RetirementPreview> {
    const retiredOn = command.retiredOn ?? todayInJapan();
    const dateUsable = isCalendarDate(retiredOn) && retiredOn <= todayInJapan();
    return this.uow.read(async (stores) => {
      const backed = command.claimId === undefined ? null : await attempt(() => claimToBack(stores, command.actor, command.claimId!));
      const claimRecord = backed?.ok ? backed.value : null;
      const serials: SerialPreview[] = [];
      for (const [index, text] of command.serials.entries()) {
        serials.push(await this.previewSerial(stores, command, index, text, dateUsable ? retiredOn : null, claimRecord));
      }
      const whole = await attempt(() => checkRetirement(stores, command, readRetirementRequest(command), this.config.maxBlockQuantity, false));
      return {
        retiredOn,
        claim: claimRecord ? { id: claimRecord.id, type: claimRecord.type, status: claimRecord.status } : null,
        serials,
        refusal: whole.ok ? null : whole.refusal,
      };
    });
  }

  private async previewSerial(stores: Stores, command: PreviewRetirementCommand, index: number, text: string, retiredOn: string | null, claim: ClaimRecord | null): Promise<SerialPreview> {
    const unread: SerialPreview = { index, text, canonical: null, scheme: null, quantity: null, heldQuantity: '0', retired: [], outsideQuantity: '0', eligibility: null, refusal: null };
    const planned = await attempt(() => planRetirement(stores, [parseRequestSerial(text, `serials[${index}]`, command.scheme)], command.scheme !== undefined, false));
    if (!planned.ok) return { ...unread, refusal: planned.refusal };
    const plan = planned.value;
    const [{ serial, segments }] = plan;
    const sum = (parts: typeof segments) => String(parts.reduce((total, s) => total + s.range.quantity, 0n));
    const eligibility = claim && retiredOn ? creditEligibilityForClaim(claim, serial, retiredOn, command.creditFacts) : null;
    const alone = retiredOn ? await attempt(async () => refusePlan(command, retiredOn, plan, claim, this.config.maxBlockQuantity)) : null;
    return {
      ...unread,
      canonical: serial.canonical,
      scheme: serial.scheme,
      quantity: String(serial.range.quantity),
      heldQuantity: sum(segments.filter((s) => s.block?.status === 'held' && s.block.ownerId === command.actor.organizationId)),
      retired: segments
        .filter((s) => s.block?.status === 'retired')
        .map((s) => ({ start: String(s.range.start), end: String(s.range.end), retirementId: s.block!.retirementId })),
      outsideQuantity: sum(segments.filter((s) => !s.block)),
      eligibility: eligibility ? { eligible: eligibility.eligible, rule: eligibility.rule, message: eligibility.message } : null,
      refusal: alone && !alone.ok ? alone.refusal : null,
    };
  }
}

/** Runs a check: its result, or the refusal it threw (a DomainError; anything else is a fault and propagates). */
async function attempt<T>(check: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; refusal: PreviewRefusal }> {
  try {
    return { ok: true, value: await check() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { ok: false, refusal: toRefusal(error) };
  }
}

function toRefusal(error: DomainError): PreviewRefusal {
  const details = error.details as { field?: unknown; rule?: unknown; errors?: { field?: unknown }[] };
  const field = typeof details.field === 'string' ? details.field : typeof details.errors?.[0]?.field === 'string' ? details.errors[0].field : undefined;
  return {
    code: error.code,
    message: error.message,
    ...(field ? { field } : {}),
    ...(typeof details.rule === 'string' ? { rule: details.rule } : {}),
  };
}
