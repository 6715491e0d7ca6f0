import type { Finding, Program } from './rulebook';

/**
 * The managing registry's proof of retirement, required before a claim is certified.
 * CN 2.1.6 (and CN plans, which apply 2.1.6 by 3.1.1): 「償却を証明する書類」 for every credit,
 * retirement complete before verification (DOMAIN.md §4). CFP art. 9: retirement evidence per credit
 * scheme is part of the records kept.
 */
export const RETIREMENT_EVIDENCE_RULE: Record<Program, string> = {
  CN: 'CN-2.1.6-evidence',
  CN_PLAN: 'CN-2.1.6-evidence',
  CFP: 'CFP-art9-evidence',
};

/** One error finding per backing retirement whose official reference is still pending. */
export function pendingEvidenceFindings(program: Program, pendingCertificates: readonly string[]): Finding[] {
  const rule = RETIREMENT_EVIDENCE_RULE[program];
  return pendingCertificates.map((number) => ({
    rule,
    severity: 'error' as const,
    message: `retirement ${number} has no official reference from the managing registry yet (pending): record its evidence first`,
  }));
}
