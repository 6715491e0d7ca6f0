import type { INestApplicationContext } from '@nestjs/common';
import { IssueApiKeyUseCase } from '@registry/auth';
import { addDays, findScheme, todayInJapan, type ClaimDraft, type Role } from '@registry/domain';
import {
  AssignCertifierUseCase,
  AuthorizeProviderUseCase,
  ChangeClaimStatusUseCase,
  CreateAdministratorUseCase,
  CreateClaimUseCase,
  CreateOrganizationUseCase,
  CreatePersonUseCase,
  GetReconciliationQuery,
  OrganizationDirectoryQuery,
  ReconciliationJobUseCase,
  RecordVerificationUseCase,
  RegisterHoldingUseCase,
  RequestReconciliationUseCase,
  RetireCreditsUseCase,
  type Actor,
  type RetirementView,
} from '@registry/ledger';
import { randomBytes } from 'node:crypto';
import {
  DEMO_ORGANIZATIONS,
  DEMO_RETIREMENTS,
  demoAcrRetirementExport,
  demoCfpDraft,
  demoCnDraft,
  demoHoldings,
  demoOwner,
  demoSerial,
  type DemoOrgKey,
  type DemoRetirement,
} from './demo-registry';

type OrgActor = Extract<Actor, { kind: 'organization' }>;
const ADMIN: Actor = { kind: 'admin' };

export interface SeededOrganization {
  key: DemoOrgKey;
  id: string;
  name: string;
  roles: string[];
  apiKey: string;
}

export interface SeededDemo {
  organizations: SeededOrganization[];
  holdings: number;
  retirements: RetirementView[];
  cnCertificationNumber: string;
  cfpNotificationNumber: string;
  /** Provider A's reconciliation of ACR's retirement list (one alert). */
  reconciliation: { id: string; alertCount: number };
  /** One person per role who signs in to the web pages; each password is random and shown once. */
  people: DemoPerson[];
}

export interface DemoPerson {
  role: Role;
  email: string;
  password: string;
  organizationId: string;
}

/** Whose person each role's demo account is: the first of the organisations with that role; the administrator's is the registry operator's. */
const DEMO_PEOPLE: readonly { role: Role; org?: DemoOrgKey }[] = [
  { role: 'provider', org: 'providerA' },
  { role: 'applicant', org: 'applicantCn' },
  { role: 'verifier', org: 'verifier' },
  { role: 'certifier', org: 'certifier' },
  { role: 'auditor', org: 'auditor' },
  { role: 'admin' },
];

export const demoPersonEmail = (role: Role) => `${role}@demo.example`;

/** Refused on a ledger that already has organisations: the demo never mixes with real records. */
export class LedgerNotEmptyError extends Error {}

/** Fills an empty ledger through the ledger's own use cases, as the organisations would over HTTP. */
export class DemoSeeder {
  private readonly actors = new Map<DemoOrgKey, OrgActor>();
  private readonly retirements: RetirementView[] = [];

  constructor(private readonly app: INestApplicationContext) {}

  async run(): Promise<SeededDemo> {
    const existing = await this.app.get(OrganizationDirectoryQuery).execute({ actor: ADMIN, limit: 1 });
    if (existing.items.length > 0) {
      throw new LedgerNotEmptyError('the ledger already has organisations: `seed demo` fills an empty ledger only (use a fresh DATABASE_URL or SQLITE_PATH)');
    }
    const organizations = await this.createOrganizations();
    const holdings = await this.registerHoldings();
    const today = todayInJapan();
    const cnCertificationNumber = await this.certifiedCnClaim(today);
    const cfpNotificationNumber = await this.acceptedCfpOffset(today);
    for (const retirement of DEMO_RETIREMENTS.filter((r) => !r.forClaim)) await this.retire(retirement);
    const reconciliation = await this.reconcileAcrExport();
    const issue = this.app.get(IssueApiKeyUseCase);
    const seeded: SeededOrganization[] = [];
    for (const org of organizations) {
      const key = await issue.execute({ organizationId: org.id, label: 'seed demo' });
      seeded.push({ ...org, apiKey: key.key });
    }
    const people = await this.demoPeople();
    return { organizations: seeded, holdings, retirements: this.retirements, cnCertificationNumber, cfpNotificationNumber, reconciliation, people };
  }

  /** A person for each role's web pages, each with a fresh random password; the administrator in a "Registry operator" organisation of its own. */
  private async demoPeople(): Promise<DemoPerson[]> {
    const people: DemoPerson[] = [];
    for (const { role, org } of DEMO_PEOPLE) {
      const email = demoPersonEmail(role);
      const password = randomBytes(15).toString('base64url');
      const person = org
        ? await this.app.get(CreatePersonUseCase).execute({ organizationId: this.actor(org).organizationId, email, password, roles: [role] })
        : await this.app.get(CreateAdministratorUseCase).execute({ email, password });
      people.push({ role, email, password, organizationId: person.organizationId });
    }
    return people;
  }

  private actor(key: DemoOrgKey): OrgActor {
    return this.actors.get(key)!;
  }

  private async createOrganizations(): Promise<Omit<SeededOrganization, 'apiKey'>[]> {
    const create = this.app.get(CreateOrganizationUseCase);
    const created: Omit<SeededOrganization, 'apiKey'>[] = [];
    for (const org of DEMO_ORGANIZATIONS) {
      const record = await create.execute({ name: org.name, roles: org.roles, corporateNumber: org.corporateNumber });
      this.actors.set(org.key, { kind: 'organization', organizationId: record.id, roles: record.roles, apiKeyId: 'seed-demo' });
      created.push({ key: org.key, id: record.id, name: record.name, roles: record.roles });
    }
    return created;
  }

  private async registerHoldings(): Promise<number> {
    const register = this.app.get(RegisterHoldingUseCase);
    let count = 0;
    for (const holding of demoHoldings()) {
      await register.execute({ actor: this.actor(holding.owner), serial: holding.serial, scheme: holding.label, evidence: holding.evidence });
      count++;
    }
    return count;
  }

  private async retire(retirement: DemoRetirement, claimId?: string): Promise<void> {
    const evidence = retirement.evidenceReference ? { registry: findScheme(retirement.scheme).registry, reference: retirement.evidenceReference } : undefined;
    const { result } = await this.app.get(RetireCreditsUseCase).execute({
      actor: this.actor(demoOwner(retirement.index)),
      serials: [demoSerial(retirement.scheme, retirement.index, retirement.quantity)],
      claimId,
      beneficiary: retirement.beneficiary,
      purpose: retirement.purpose,
      evidence,
    });
    this.retirements.push(result);
  }

  /** Provider A sends ACR's export as over POST /v1/reconciliations; the job runs here, now (the CLI has no worker). */
  private async reconcileAcrExport(): Promise<{ id: string; alertCount: number }> {
    const requested = await this.app.get(RequestReconciliationUseCase).execute({ actor: this.actor('providerA'), format: 'acr', body: demoAcrRetirementExport() });
    await this.app.get(ReconciliationJobUseCase).execute({ id: requested.result.id });
    const { id, alertCount } = await this.app.get(GetReconciliationQuery).execute(this.actor('providerA'), requested.result.id);
    return { id, alertCount };
  }

  /** Files the claim, lets the providers that retire for it do so, retires its credits and submits it to the certifier. */
  private async fileBackedClaim(applicant: DemoOrgKey, draft: ClaimDraft, backing: 'cn' | 'cfp'): Promise<string> {
    const claim = (await this.app.get(CreateClaimUseCase).execute({ actor: this.actor(applicant), body: draft })).result;
    const retirements = DEMO_RETIREMENTS.filter((r) => r.forClaim === backing);
    const providers = new Set(retirements.map((r) => demoOwner(r.index)));
    for (const provider of providers) {
      await this.app.get(AuthorizeProviderUseCase).execute(this.actor(applicant), claim.id, this.actor(provider).organizationId);
    }
    for (const retirement of retirements) await this.retire(retirement, claim.id);
    await this.app.get(ChangeClaimStatusUseCase).execute({ actor: this.actor(applicant), claimId: claim.id, action: 'submit' });
    await this.app.get(AssignCertifierUseCase).execute(ADMIN, claim.id, this.actor('certifier').organizationId);
    return claim.id;
  }

  /** CN (seed 002 ch. 2): verified as declared (CN-2.2.4), then certified for a year from today. */
  private async certifiedCnClaim(today: string): Promise<string> {
    const draft = demoCnDraft(today);
    const claimId = await this.fileBackedClaim('applicantCn', draft as ClaimDraft, 'cn');
    await this.app.get(RecordVerificationUseCase).execute({
      actor: this.actor('verifier'),
      claimId,
      reportReference: 'VR-2025-SAKURA-01',
      assurance: 'reasonable',
      opinion: 'unqualified',
      verifiedEmissions: draft.emissions,
      independentOfApplicant: true,
    });
    const certified = await this.app.get(ChangeClaimStatusUseCase).execute({
      actor: this.actor('certifier'),
      claimId,
      action: 'certify',
      validFrom: today,
      validTo: addDays(today, 364),
    });
    return certified.certificationNumber!;
  }

  /** CFP product offset (seed 004): notified and accepted with a notification number, no verification. */
  private async acceptedCfpOffset(today: string): Promise<string> {
    const claimId = await this.fileBackedClaim('applicantCfp', demoCfpDraft(today) as ClaimDraft, 'cfp');
    const accepted = await this.app.get(ChangeClaimStatusUseCase).execute({ actor: this.actor('certifier'), claimId, action: 'certify' });
    return accepted.certificationNumber!;
  }
}
