import { Injectable } from '@nestjs/common';
import { findScheme, type CoverageCredit } from '@registry/domain';
import { UnitOfWork, type ClaimRecord, type RegisterFilter, type Stores } from '../ports';
import { claimRetirements, type ClaimRetirement } from './claim-credits';
import { claimView, type ClaimView } from './claim-view';

export interface RegisterCredit {
  serial: string;
  scheme: string;
  schemeName: string;
  quantity: string;
  project: string | null;
  projectType: string | null;
  /** Tables 3 and 5: the project's name, country/region and type in words, as the claim states them (creditProjects). */
  projectName: string | null;
  projectRegion: string | null;
  projectTypeName: string | null;
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
  /** Tables 3 and 5 (算定対象範囲, 排出源, 基準年の排出量, 対象期間の排出量) and the verification body (2.2); null for CFP. */
  emissionsDisclosure: EmissionsDisclosure | null;
  verificationBody: { id: string; name: string; reportReference: string; assurance: string; opinion: string; verifiedOn: string } | null;
  /** CN-2.3.3-2: validity continues until the renewal filed within it is decided. */
  pendingRenewal: ClaimView['pendingRenewal'];
  /** CN-2.3.6-2, CFP-art18: labels and marks removed by this day. */
  labelsRemovedBy: string | null;
}

export interface EmissionsDisclosure {
  scope: string[];
  emissionSources: string | null;
  baseYear: unknown;
  baseYearEmissions: string | null;
  /** The target period's emissions: the verified figures once verified, else as declared. */
  periodEmissions: Record<string, unknown>;
  verified: boolean;
}

export interface RegisterQueryCommand extends Omit<RegisterFilter, 'afterId' | 'limit'> {
  cursor?: string;
  limit: number;
}

/** CN tables 3 and 5, CFP art. 14: what the certifier publishes about every claim it ever certified. */
@Injectable()
export class RegisterQuery {
  constructor(private readonly uow: UnitOfWork) {}

  execute(command: RegisterQueryCommand): Promise<{ items: RegisterEntry[]; nextCursor?: string }> {
    const { cursor, limit, ...filter } = command;
    return this.uow.read(async (stores) => {
      const ids = await stores.lists.registerIds({ ...filter, afterId: cursor, limit: limit + 1 });
      const items: RegisterEntry[] = [];
      for (const id of ids.slice(0, limit)) items.push(await registerEntry(stores, (await stores.claims.findById(id))!));
      return ids.length > limit ? { items, nextCursor: ids[limit - 1] } : { items };
    });
  }
}

export async function registerEntry(stores: Stores, claim: ClaimRecord): Promise<RegisterEntry> {
  const holder = await stores.organizations.findById(claim.applicantId);
  const view = await claimView(stores, claim);
  const retirements = await claimRetirements(stores, claim.id);
  const projects = creditProjectsOf(claim.draft);
  const credits = retirements.flatMap((r) => registerCredits(r, projects));
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
    emissionsDisclosure: emissionsDisclosure(claim, view),
    verificationBody: view.verification ? await verificationBody(stores, view.verification) : null,
    pendingRenewal: view.pendingRenewal,
    labelsRemovedBy: view.labelsRemovedBy,
  };
}

function emissionsDisclosure(claim: ClaimRecord, view: ClaimView): EmissionsDisclosure | null {
  if (claim.draft.type === 'CFP') return null;
  const draft = claim.draft as typeof claim.draft & { emissionSources?: string; baseYearEmissions?: string };
  const declared = draft.emissions;
  const scope = ['scope1', 'scope2', ...(declared.includeScope3 === true ? ['scope3'] : [])];
  return {
    scope,
    emissionSources: draft.emissionSources ?? null,
    baseYear: draft.baseYear,
    baseYearEmissions: draft.baseYearEmissions ?? null,
    periodEmissions: view.verification ? { ...view.verification.verifiedEmissions } : { scope1: declared.scope1, scope2: declared.scope2, ...(declared.scope3 !== undefined ? { scope3: declared.scope3 } : {}) },
    verified: view.verification !== null,
  };
}

async function verificationBody(stores: Stores, v: NonNullable<ClaimView['verification']>): Promise<RegisterEntry['verificationBody']> {
  const body = await stores.organizations.findById(v.verifierId);
  return { id: v.verifierId, name: body?.name ?? '', reportReference: v.reportReference, assurance: v.assurance, opinion: v.opinion, verifiedOn: v.verifiedOn };
}

interface CreditProject {
  project: string;
  name: string;
  region: string;
  projectType: string;
}

function creditProjectsOf(draft: unknown): Map<string, CreditProject> {
  const list = (draft as { creditProjects?: CreditProject[] }).creditProjects ?? [];
  return new Map(list.map((p) => [p.project, p]));
}

/** One row per retired block; a voided retirement keeps its serials on record, marked voided. */
function registerCredits({ retirement, voided, credits }: ClaimRetirement, projects: Map<string, CreditProject>): RegisterCredit[] {
  const common = {
    retiredOn: retirement.retiredOn,
    retirementStatus: voided ? ('voided' as const) : ('retired' as const),
    retirementMethod: retirement.evidence
      ? `retired at ${retirement.evidence.registry} (${retirement.evidence.reference})`
      : 'retired in this registry from a holding',
    certificateNumber: retirement.certificateNumber,
  };
  if (voided) {
    const none = { project: null, projectType: null, projectName: null, projectRegion: null, projectTypeName: null };
    return retirement.serials.map((serial) => ({ ...common, serial, scheme: '', schemeName: '', quantity: '', ...none }));
  }
  return credits.map((credit) => {
    const project = attribute(credit, 'projectId') ?? attribute(credit, 'certificationNo') ?? attribute(credit, 'project');
    const stated = project === null ? undefined : projects.get(project);
    return {
      ...common,
      serial: credit.label ?? '',
      scheme: credit.scheme,
      schemeName: findScheme(credit.scheme).nameJa,
      quantity: String(credit.quantity),
      project,
      projectType: attribute(credit, 'creditType') ?? attribute(credit, 'projectType') ?? attribute(credit, 'unitType'),
      projectName: stated?.name ?? null,
      projectRegion: stated?.region ?? regionOf(credit),
      projectTypeName: stated?.projectType ?? null,
    };
  });
}

/** Japan's own schemes are issued for projects in Japan. */
const DOMESTIC_SCHEMES = new Set(['JVER', 'JCREDIT', 'REGIONAL_JCREDIT', 'PREF_JVER', 'DOMESTIC', 'GREEN_CO2', 'GREEN_POWER', 'GREEN_HEAT']);
const COUNTRY_NAMES = new Intl.DisplayNames(['ja'], { type: 'region' });

/** Where the claim does not state it: the Kyoto unit's originating party, or Japan for a domestic scheme. */
function regionOf(credit: CoverageCredit): string | null {
  const party = attribute(credit, 'party');
  if (party && /^[A-Z]{2}$/.test(party)) return COUNTRY_NAMES.of(party) ?? party;
  return DOMESTIC_SCHEMES.has(credit.scheme) ? '日本' : null;
}

function attribute(credit: CoverageCredit, name: string): string | null {
  const value = credit.attributes?.[name];
  return value === undefined || value === null ? null : String(value);
}
