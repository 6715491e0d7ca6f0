import type { ClaimStatus } from '../ports';

export type ClaimAction = 'submit' | 'certify' | 'suspend' | 'reinstate' | 'revoke' | 'withdraw';

/** Who may take each step, from which states, to which state (CN 2.3.5–2.3.7, CFP art. 18). */
export const CLAIM_TRANSITIONS: Record<ClaimAction, { by: 'applicant' | 'certifier'; from: ClaimStatus[]; to: ClaimStatus }> = {
  submit: { by: 'applicant', from: ['draft'], to: 'submitted' },
  certify: { by: 'certifier', from: ['submitted'], to: 'certified' },
  suspend: { by: 'certifier', from: ['certified'], to: 'suspended' },
  reinstate: { by: 'certifier', from: ['suspended'], to: 'certified' },
  revoke: { by: 'certifier', from: ['certified', 'suspended'], to: 'revoked' },
  withdraw: { by: 'applicant', from: ['draft', 'submitted', 'certified', 'suspended'], to: 'withdrawn' },
};

/** A retirement may back a claim only while the claim can still be certified or trued up. */
export const CLAIM_ACCEPTS_RETIREMENTS: readonly ClaimStatus[] = ['draft', 'submitted', 'certified'];

/** A retirement backing a claim in these states may not be voided: the certification relies on it. */
export const CLAIM_RELIES_ON_RETIREMENTS: readonly ClaimStatus[] = ['certified', 'suspended'];
