import { ORGANIZATION_ROLES, type OrganizationRole } from '@registry/domain';
import { uniqueCorporateNumber, type TestApp } from './test-app';

/** Every organisation role the domain knows: a role added there gets its callers in the generated tests. */
export const ORG_ROLES = ORGANIZATION_ROLES;
export type OrgRole = OrganizationRole;
/** One organisation with these roles passes the role check of nearly every organisation route (an organisation takes at most four). */
const ALL_ROLES = ['provider', 'applicant', 'auditor', 'certifier'];

export interface KeyedOrganization {
  id: string;
  roles: string[];
  auth: { Authorization: string };
  /** A second key of the organisation, for routes that revoke a key (so `auth` stays usable). */
  spareKeyId: string;
}

/**
 * Everyone and everything the generated tests call with: for each organisation role one
 * organisation that owns the resources below, one unrelated organisation of the same role, and one
 * organisation holding four roles; a claim of the applicant with the provider authorised on it (and
 * the certifier assigned, where the app can assign one), a retirement with its certificate, and
 * held blocks the fuzz can transfer and retire from.
 */
export interface AccessFixtures {
  main: Record<OrgRole, KeyedOrganization>;
  other: Record<OrgRole, KeyedOrganization>;
  allRoles: KeyedOrganization;
  /** A key id the admin may revoke without disturbing any caller above. */
  adminSpareKeyId: string;
  claimId: string;
  retirementId: string;
  certificateNumber: string;
}

export const EVIDENCE = { registry: 'J-Credit registry', reference: 'MK-2026-000123' };

export const CN_DRAFT = {
  type: 'CN',
  declarations: { independentOfCertifierAndVerifier: true },
  boundary: '本社及び国内全事業所',
  targetPeriod: { start: '2024-04-01', end: '2025-03-31' },
  baseYear: 2013,
  emissions: { scope1: '1200.4', scope2: '800' },
};

export async function createKeyedOrganization(t: TestApp, roles: string[], name = `org ${roles.join('+')}`): Promise<KeyedOrganization> {
  const legalEntity = roles.includes('applicant') ? { corporateNumber: uniqueCorporateNumber() } : {};
  const org = await t.http.post('/v1/organizations').set(t.admin).send({ name, roles, ...legalEntity }).expect(201);
  const key = await t.http.post(`/v1/organizations/${org.body.id}/api-keys`).set(t.admin).send({}).expect(201);
  const spare = await t.http.post(`/v1/organizations/${org.body.id}/api-keys`).set(t.admin).send({}).expect(201);
  return { id: org.body.id, roles, auth: { Authorization: `Bearer ${key.body.key}` }, spareKeyId: spare.body.id };
}

export async function createAccessFixtures(t: TestApp, options: { assignCertifier: boolean }): Promise<AccessFixtures> {
  const main = {} as Record<OrgRole, KeyedOrganization>;
  const other = {} as Record<OrgRole, KeyedOrganization>;
  for (const role of ORG_ROLES) {
    main[role] = await createKeyedOrganization(t, [role], `main ${role}`);
    other[role] = await createKeyedOrganization(t, [role], `other ${role}`);
  }
  const allRoles = await createKeyedOrganization(t, ALL_ROLES, 'all roles');
  const adminSpare = await t.http.post(`/v1/organizations/${main.applicant.id}/api-keys`).set(t.admin).send({}).expect(201);

  const claim = await t.http.post('/v1/claims').set(main.applicant.auth).send(CN_DRAFT).expect(201);
  await t.http.post(`/v1/claims/${claim.body.id}/providers`).set(main.applicant.auth).send({ providerId: main.provider.id }).expect(201);
  if (options.assignCertifier) {
    await t.http.post(`/v1/claims/${claim.body.id}/certifier`).set(t.admin).send({ organizationId: main.certifier.id }).expect((res) => {
      if (res.status >= 300) throw new Error(`assigning the certifier answered ${res.status}: ${res.text}`);
    });
  }

  await t.http.post('/v1/holdings').set(main.provider.auth).send({ serial: 'JCL-ERL-R777-1-100000', evidence: EVIDENCE }).expect(201);
  const retirement = await t.http
    .post('/v1/retirements')
    .set(main.provider.auth)
    .send({ serials: ['JCL-ERL-R777-1-10'], beneficiary: '株式会社サンプル', purpose: 'カーボン・オフセット' })
    .expect(201);
  await t.http.post('/v1/holdings').set(allRoles.auth).send({ serial: 'JCL-ERL-R778-1-100000', evidence: EVIDENCE }).expect(201);

  return {
    main,
    other,
    allRoles,
    adminSpareKeyId: adminSpare.body.id,
    claimId: claim.body.id,
    retirementId: retirement.body.id,
    certificateNumber: retirement.body.certificateNumber,
  };
}
