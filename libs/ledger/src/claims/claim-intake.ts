import { DomainError, FieldErrors, type IsoDate } from '@registry/domain';
import type { Actor } from '../actor';
import type { Stores } from '../ports';
import { todayInJapan } from '../retirements/japan-date';

/** Who the claim is for and the day the registry received it (API.md "Claims"). */
export interface ClaimIntake {
  applicantId: string;
  receivedOn: IsoDate;
  /** The admin recorded an application made before the registry existed (journaled as such). */
  recordedByAdmin: boolean;
  /** The applicant organisation's corporate number (CN 2.1.1 ①: a legal entity has one). */
  corporateNumber: string | null;
}

type Caller = Extract<Actor, { kind: 'admin' }> | Extract<Actor, { kind: 'organization' }>;

/**
 * An applicant files its own claim, received today (Japan time); a receivedOn it sends is refused.
 * The admin files for a named applicant and may record the day an earlier application was received.
 */
export async function resolveIntake(stores: Stores, actor: Caller, body: { applicantId?: unknown; receivedOn?: unknown }, now: string): Promise<ClaimIntake> {
  const today = todayInJapan(new Date(now));
  if (actor.kind === 'organization') {
    if (body.receivedOn !== undefined) {
      throw new DomainError('VALIDATION_FAILED', 'receivedOn is recorded by the registry: only the admin may set it', {
        errors: [{ field: 'receivedOn', message: 'only an admin key may record the day an application was received' }],
      });
    }
    if (body.applicantId !== undefined && body.applicantId !== actor.organizationId) {
      throw new DomainError('FORBIDDEN', 'applicantId must be the calling organisation: applicants file their own claims', { field: 'applicantId' });
    }
    const self = await stores.organizations.findById(actor.organizationId);
    return { applicantId: actor.organizationId, receivedOn: today, recordedByAdmin: false, corporateNumber: self?.corporateNumber ?? null };
  }
  const errors = new FieldErrors();
  if (typeof body.applicantId !== 'string' || body.applicantId === '') errors.add('applicantId', 'is required when the admin files a claim');
  const receivedOn = body.receivedOn === undefined ? today : errors.date(body.receivedOn, 'receivedOn');
  if (receivedOn !== undefined && receivedOn > today) errors.add('receivedOn', `must not be after today (${today}, Japan time)`);
  errors.throwIfAny();
  const applicant = await stores.organizations.findById(body.applicantId as string);
  if (!applicant || !applicant.roles.includes('applicant')) {
    throw new DomainError('VALIDATION_FAILED', `organisation ${String(body.applicantId)} is not an applicant`, {
      errors: [{ field: 'applicantId', message: applicant ? 'the organisation does not hold the applicant role' : 'no such organisation' }],
    });
  }
  return { applicantId: applicant.id, receivedOn: receivedOn!, recordedByAdmin: body.receivedOn !== undefined, corporateNumber: applicant.corporateNumber };
}
