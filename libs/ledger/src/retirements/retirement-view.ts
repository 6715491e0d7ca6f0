import type { Evidence, RetirementRecord, RetirementVoidRecord } from '../ports';

export interface RetirementView {
  id: string;
  status: 'active' | 'voided';
  organizationId: string;
  quantity: string;
  serials: string[];
  retiredOn: string;
  beneficiary: string;
  purpose: string;
  claimId: string | null;
  evidence: Evidence | null;
  /** `pending` until the managing registry's reference is recorded (API.md "Retirements"). */
  officialReference: 'pending' | 'recorded';
  evidenceRecordedAt?: string;
  certificateNumber: string;
  createdAt: string;
  void?: { reason: string; at: string };
}

export function retirementView(r: RetirementRecord, voided?: RetirementVoidRecord | null): RetirementView {
  return {
    id: r.id,
    status: voided ? 'voided' : 'active',
    organizationId: r.organizationId,
    quantity: String(r.quantity),
    serials: r.serials,
    retiredOn: r.retiredOn,
    beneficiary: r.beneficiary,
    purpose: r.purpose,
    claimId: r.claimId,
    evidence: r.evidence,
    officialReference: r.evidence ? 'recorded' : 'pending',
    ...(r.evidenceRecordedAt ? { evidenceRecordedAt: r.evidenceRecordedAt } : {}),
    certificateNumber: r.certificateNumber,
    createdAt: r.createdAt,
    ...(voided ? { void: { reason: voided.reason, at: voided.createdAt } } : {}),
  };
}
