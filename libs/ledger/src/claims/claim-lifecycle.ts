import type { ClaimRecord, ClaimStatus } from '../ports';

export type ClaimAction = 'submit' | 'certify' | 'suspend' | 'reinstate' | 'revoke' | 'withdraw' | 'accept_withdrawal' | 'reject_withdrawal';

/**
 * Who may take each step, from which states, to which state (CN 2.3.5–2.3.7, CFP art. 18). Where
 * the target depends on the claim (`withdraw`, `reject_withdrawal`), `to` is the usual one and
 * `targetStatus` decides.
 */
export const CLAIM_TRANSITIONS: Record<ClaimAction, { by: 'applicant' | 'certifier'; from: ClaimStatus[]; to: ClaimStatus }> = {
  submit: { by: 'applicant', from: ['draft'], to: 'submitted' },
  certify: { by: 'certifier', from: ['submitted'], to: 'certified' },
  suspend: { by: 'certifier', from: ['certified'], to: 'suspended' },
  reinstate: { by: 'certifier', from: ['suspended'], to: 'certified' },
  revoke: { by: 'certifier', from: ['certified', 'suspended'], to: 'revoked' },
  withdraw: { by: 'applicant', from: ['draft', 'submitted', 'certified', 'suspended'], to: 'withdrawn' },
  accept_withdrawal: { by: 'certifier', from: ['withdrawal_requested'], to: 'withdrawn' },
  reject_withdrawal: { by: 'certifier', from: ['withdrawal_requested'], to: 'certified' },
};

/**
 * 2.3.7 (3.3.1 for plans): a certified (or suspended) CN or CN plan claim is withdrawn only when
 * its certifier accepts the written request; until then it waits in `withdrawal_requested`. A claim
 * not yet decided, and a CFP offset (art. 18: 「当該申請により、制度参加の効果は消滅する」), go at once.
 */
export function withdrawalTarget(claim: Pick<ClaimRecord, 'type' | 'status'>): ClaimStatus {
  const decided = claim.status === 'certified' || claim.status === 'suspended';
  return decided && claim.type !== 'CFP' ? 'withdrawal_requested' : 'withdrawn';
}

/** A retirement may back a claim only while the claim can still be certified or trued up. */
export const CLAIM_ACCEPTS_RETIREMENTS: readonly ClaimStatus[] = ['draft', 'submitted', 'certified'];

/**
 * A retirement backing a claim in these states may not be voided: the certification relies on it,
 * or relied on it and its credits stay used (CFP art. 3 no double counting; art. 18 ③ and CN 2.3.6 ②
 * remove marks, they do not give the credits back).
 */
export const CLAIM_RELIES_ON_RETIREMENTS: readonly ClaimStatus[] = ['certified', 'suspended', 'withdrawal_requested', 'revoked', 'withdrawn'];
