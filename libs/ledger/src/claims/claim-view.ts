import {
  cfpTrueUpSchedule,
  checkPlannedRetirements,
  DEFAULT_RULEBOOK_REGISTRY,
  evaluateClaim,
  type CfpRulebook,
  type ClaimDraft,
  type Finding,
  verifiedCnEmissions,
} from '@registry/domain';
import type { ClaimRecord, Stores } from '../ports';
import { todayInJapan } from '../retirements/japan-date';
import { claimRetirements } from './claim-credits';
import { claimProcessView, type ClaimProcessView } from './claim-process-view';

export interface ClaimView extends ClaimProcessView {
  id: string;
  type: string;
  status: string;
  applicantId: string;
  /** The certification body assigned by the admin (null until then). */
  certifierId: string | null;
  draft: ClaimDraft;
  rulebookId: string | null;
  judgedOn: string;
  requiredTonnes: string;
  retiredTonnes: string;
  eligibleTonnes: string;
  transitionalTonnes: string;
  covered: boolean;
  findings: Finding[];
  retirements: { id: string; quantity: string; serials: string[]; retiredOn: string; certificateNumber: string; status: 'active' | 'voided' }[];
  trueUp?: { date: string; cumulativeQuantity: string; actualTonnes: string; retiredTonnes: string; shortfallTonnes: string }[];
  certificationNumber: string | null;
  certifiedOn: string | null;
  validFrom: string | null;
  validTo: string | null;
  statusReason: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The claim with its verdict: coverage of the credits retired for it and every finding, with rule ids. */
export async function claimView(stores: Stores, claim: ClaimRecord): Promise<ClaimView> {
  const retirements = await claimRetirements(stores, claim.id);
  const credits = retirements.flatMap((r) => r.credits);
  const verification = await stores.claimProcess.latestVerification(claim.id);
  // Once verified, the verified emissions are the ones neutralised (2.2.1); the draft stays as filed.
  const judged: ClaimDraft =
    verification && claim.draft.type !== 'CFP' ? { ...claim.draft, emissions: verifiedCnEmissions(claim.draft.emissions, verification.verifiedEmissions) } : claim.draft;
  const evaluation = evaluateClaim(judged, credits, undefined, todayInJapan());
  let findings = evaluation.findings;
  if (claim.draft.type === 'CN_PLAN') {
    findings = [...findings, ...checkPlannedRetirements(claim.draft.plannedRetirements, claim.draft.planPeriod, evaluation.requiredTonnes)];
  }
  let covered = evaluation.covered;
  let trueUp: ClaimView['trueUp'];
  if (claim.type === 'CFP' && claim.trueUp && claim.draft.type === 'CFP' && evaluation.rulebookId) {
    const rulebook = DEFAULT_RULEBOOK_REGISTRY.byId(evaluation.rulebookId) as CfpRulebook;
    const schedule = cfpTrueUpSchedule(
      {
        cfpPerUnitKg: claim.draft.partial?.stageCfpPerUnitKg ?? claim.draft.cfpPerUnitKg,
        points: claim.trueUp.points,
        retirements: credits.map((c) => ({ retiredOn: c.retiredOn, tonnes: BigInt(c.quantity) })),
      },
      rulebook,
    );
    trueUp = schedule.points.map((p) => ({
      date: p.date,
      cumulativeQuantity: p.cumulativeQuantity,
      actualTonnes: String(p.actualTonnes),
      retiredTonnes: p.retiredTonnes,
      shortfallTonnes: String(p.shortfallTonnes),
    }));
    findings = [...findings, ...schedule.findings];
    // Covered once the final true-up is settled; a late interim point stays visible as a finding.
    covered = covered && schedule.points[schedule.points.length - 1].shortfallTonnes === 0n;
  }
  return {
    id: claim.id,
    type: claim.type,
    status: claim.status,
    applicantId: claim.applicantId,
    certifierId: claim.certifierId,
    draft: claim.draft,
    rulebookId: evaluation.rulebookId,
    judgedOn: evaluation.judgedOn,
    requiredTonnes: evaluation.requiredTonnes,
    retiredTonnes: evaluation.retiredTonnes,
    eligibleTonnes: evaluation.eligibleTonnes,
    transitionalTonnes: evaluation.transitionalTonnes,
    covered,
    findings,
    retirements: retirements.map(({ retirement: r, voided }) => ({
      id: r.id,
      quantity: String(r.quantity),
      serials: r.serials,
      retiredOn: r.retiredOn,
      certificateNumber: r.certificateNumber,
      status: voided ? 'voided' : 'active',
    })),
    ...(trueUp ? { trueUp } : {}),
    certificationNumber: claim.certificationNumber,
    certifiedOn: claim.certifiedOn,
    validFrom: claim.validFrom,
    validTo: claim.validTo,
    statusReason: claim.statusReason,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
    ...(await claimProcessView(stores, claim, verification)),
  };
}
