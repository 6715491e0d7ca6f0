import { Injectable } from '@nestjs/common';
import { findScheme, type CoverageCredit } from '@registry/domain';
import { UnitOfWork, type ClaimRecord, type Stores } from '../ports';
import { claimRetirements, type ClaimRetirement } from './claim-credits';
import { claimView } from './claim-view';

export interface RegisterCredit {
  serial: string;
  scheme: string;
  schemeName: string;
  quantity: string;
  project: string | null;
  projectType: string | null;
  retiredOn: string;
  retirementStatus: 'retired' | 'voided';
  /** CN table 3: how the credit was retired: in this ledger, or at its managing registry (with the evidence). */
  retirementMethod: string;
  certificateNumber: string;
}

export interface RegisterEntry {
  certificationNumber: string;
  type: string;
  status: string;
  holder: { id: string; name: string; corporateNumber: string | null };
  certifiedOn: string | null;
  validFrom: string | null;
  validTo: string | null;
  statusReason: string | null;
  /** The claim as filed: boundary, scopes and emissions, periods, base year (CN/CN plan); product, CFP and quantity (CFP). */
  disclosure: Record<string, unknown>;
  requiredTonnes: string;
  retiredTonnes: string;
  credits: RegisterCredit[];
}

/** CN tables 3 and 5, CFP art. 14: what the certifier publishes about every claim it ever certified. */
@Injectable()
export class RegisterQuery {
  constructor(private readonly uow: UnitOfWork) {}

  execute(cursor: string | undefined, limit: number): Promise<{ items: RegisterEntry[]; nextCursor?: string }> {
    return this.uow.read(async (stores) => {
      const claims = await stores.claims.register(cursor, limit + 1);
      const items: RegisterEntry[] = [];
      for (const claim of claims.slice(0, limit)) items.push(await registerEntry(stores, claim));
      return claims.length > limit ? { items, nextCursor: claims[limit - 1].id } : { items };
    });
  }
}

async function registerEntry(stores: Stores, claim: ClaimRecord): Promise<RegisterEntry> {
  const holder = await stores.organizations.findById(claim.applicantId);
  const view = await claimView(stores, claim);
  const retirements = await claimRetirements(stores, claim.id);
  const credits = retirements.flatMap(registerCredits);
  const { applicantId: _applicantId, priorPlanApplications: _prior, ...disclosure } = claim.draft as unknown as Record<string, unknown>;
  return {
    certificationNumber: claim.certificationNumber ?? '',
    type: claim.type,
    status: claim.status,
    holder: { id: claim.applicantId, name: holder?.name ?? '', corporateNumber: holder?.corporateNumber ?? null },
    certifiedOn: claim.certifiedOn,
    validFrom: claim.validFrom,
    validTo: claim.validTo,
    statusReason: claim.statusReason,
    disclosure,
    requiredTonnes: view.requiredTonnes,
    retiredTonnes: view.retiredTonnes,
    credits,
  };
}

/** One row per retired block; a voided retirement keeps its serials on record, marked voided. */
function registerCredits({ retirement, voided, credits }: ClaimRetirement): RegisterCredit[] {
  const common = {
    retiredOn: retirement.retiredOn,
    retirementStatus: voided ? ('voided' as const) : ('retired' as const),
    retirementMethod: retirement.evidence
      ? `retired at ${retirement.evidence.registry} (${retirement.evidence.reference})`
      : 'retired in this registry from a holding',
    certificateNumber: retirement.certificateNumber,
  };
  if (voided) {
    return retirement.serials.map((serial) => ({ ...common, serial, scheme: '', schemeName: '', quantity: '', project: null, projectType: null }));
  }
  return credits.map((credit) => ({
    ...common,
    serial: credit.label ?? '',
    scheme: credit.scheme,
    schemeName: findScheme(credit.scheme).nameJa,
    quantity: String(credit.quantity),
    project: attribute(credit, 'projectId') ?? attribute(credit, 'certificationNo') ?? attribute(credit, 'project'),
    projectType: attribute(credit, 'creditType') ?? attribute(credit, 'projectType') ?? attribute(credit, 'unitType'),
  }));
}

function attribute(credit: CoverageCredit, name: string): string | null {
  const value = credit.attributes?.[name];
  return value === undefined || value === null ? null : String(value);
}
