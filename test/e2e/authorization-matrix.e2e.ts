import { randomUUID } from 'node:crypto';
import { createAccessFixtures, ORG_ROLES, type AccessFixtures, type OrgRole } from '../support/access-fixtures';
import { fetchOpenApiDocument, fillPath, jsonBodySchemaOf, minimalValue, routesOf, type OpenApiDocument, type RouteOperation } from '../support/openapi';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * Who may call what, one row per route of the OpenAPI document. Every route the app documents
 * must have a row here, and every row must name a documented route: add the row with the route.
 * The cases (route × caller) are generated from these rows, because jest needs their names before
 * the app runs; the document is checked against the rows when it does. The access checks come
 * before any lookup, so a path parameter whose existence does not matter gets a random UUID.
 */

type Role = OrgRole | 'admin';
/** Where a path parameter's value comes from; parameters not named in `params` get a random UUID. */
type ParamSource = 'claim' | 'retirement' | 'certificate' | 'organization' | 'callerOrganization' | 'callerSpareKey';

interface ExpectedAccess {
  /** Open to callers without a key. */
  public: boolean;
  /** Who passes (where not public); an organisation role here means "an organisation with that role". */
  roles: Role[];
  /**
   * The route is about one organisation's own resource (the one its path names): for these roles
   * only the organisation it belongs to passes, and another organisation's key of the same role is
   * refused with 403 or 404 (API.md; `'404'` where API.md says 404).
   */
  ownResource?: { roles: OrgRole[]; anotherOrganization: '403 or 404' | '404' };
  params?: Record<string, ParamSource>;
}

const EVERY_ORG_ROLE: OrgRole[] = [...ORG_ROLES];
const PUBLIC: ExpectedAccess = { public: true, roles: [] };
const ADMIN: ExpectedAccess = { public: false, roles: ['admin'] };
const claimOf = (roles: Role[], own: OrgRole[]): ExpectedAccess => ({
  public: false,
  roles,
  ownResource: { roles: own, anotherOrganization: '403 or 404' },
  params: { id: 'claim' },
});

const ACCESS: Record<string, ExpectedAccess> = {
  'GET /health/live': PUBLIC,
  'GET /health/ready': PUBLIC,
  'POST /v1/organizations': ADMIN,
  'GET /v1/organizations/{id}': { ...ADMIN, params: { id: 'organization' } },
  'POST /v1/organizations/{id}/api-keys': { ...ADMIN, params: { id: 'organization' } },
  'GET /v1/me': { public: false, roles: ['admin', ...EVERY_ORG_ROLE] },
  'POST /v1/ops/heartbeat': ADMIN,
  'GET /v1/ops/jobs/{jobId}': ADMIN,
  // The operator's: the admin key, or METRICS_TOKEN (a scraper's; metrics.e2e.ts), never an organisation.
  'GET /metrics': ADMIN,
  'GET /v1/schemes': PUBLIC,
  'POST /v1/serials/parse': PUBLIC,
  'GET /v1/serials/status': PUBLIC,
  'POST /v1/serials/check': { public: false, roles: ['auditor'] },
  'POST /v1/holdings': { public: false, roles: ['provider'] },
  'GET /v1/holdings': { public: false, roles: ['provider'] },
  // Another provider's import is 404 (imports.e2e.ts); a random id stands in here.
  'POST /v1/imports': { public: false, roles: ['provider'] },
  'GET /v1/imports/{id}': { public: false, roles: ['provider'] },
  'GET /v1/imports/{id}/refused.csv': { public: false, roles: ['provider'] },
  'POST /v1/transfers': { public: false, roles: ['provider'] },
  'POST /v1/retirements': { public: false, roles: ['provider', 'applicant'] },
  'GET /v1/retirements/{id}': { ...PUBLIC, params: { id: 'retirement' } },
  'POST /v1/retirements/{id}/void': { ...ADMIN, params: { id: 'retirement' } },
  // The retirement's own organisation only (the fixture's is the provider's); any other key is 403.
  'POST /v1/retirements/{id}/evidence': { public: false, roles: ['provider'], ownResource: { roles: ['provider'], anotherOrganization: '403 or 404' }, params: { id: 'retirement' } },
  // Auth comes before existence: a claim id stands in for a block id nobody holds.
  'POST /v1/holdings/{id}/void': { ...ADMIN, params: { id: 'claim' } },
  'GET /v1/organizations/{id}/api-keys': {
    public: false,
    roles: ['admin', ...EVERY_ORG_ROLE],
    ownResource: { roles: EVERY_ORG_ROLE, anotherOrganization: '403 or 404' },
    params: { id: 'callerOrganization' },
  },
  'DELETE /v1/api-keys/{id}': {
    public: false,
    roles: ['admin', ...EVERY_ORG_ROLE],
    ownResource: { roles: EVERY_ORG_ROLE, anotherOrganization: '404' },
    params: { id: 'callerSpareKey' },
  },
  'POST /v1/claims/{id}/certifier': { ...ADMIN, params: { id: 'claim' } },
  'GET /v1/ledger/head': { public: false, roles: ['auditor'] },
  'GET /v1/ledger/verify': { public: false, roles: ['auditor'] },
  'GET /v1/ledger/entries': { public: false, roles: ['auditor'] },
  'POST /v1/claims': { public: false, roles: ['applicant', 'admin'] },
  // Read by the applicant and the providers it authorised, and by every certifier, auditor and the admin.
  'GET /v1/claims/{id}': claimOf(['applicant', 'provider', 'certifier', 'auditor', 'admin'], ['applicant', 'provider']),
  'POST /v1/claims/{id}/providers': claimOf(['applicant'], ['applicant']),
  'PATCH /v1/claims/{id}': claimOf(['applicant', 'admin'], ['applicant']),
  'POST /v1/claims/{id}/actuals': claimOf(['applicant', 'provider'], ['applicant', 'provider']),
  'POST /v1/claims/{id}/submit': claimOf(['applicant'], ['applicant']),
  'POST /v1/claims/{id}/withdraw': claimOf(['applicant'], ['applicant']),
  // Only the certification body assigned to the claim (API.md, issue 13 finding 3).
  'POST /v1/claims/{id}/certify': claimOf(['certifier'], ['certifier']),
  'POST /v1/claims/{id}/suspend': claimOf(['certifier'], ['certifier']),
  'POST /v1/claims/{id}/reinstate': claimOf(['certifier'], ['certifier']),
  'POST /v1/claims/{id}/revoke': claimOf(['certifier'], ['certifier']),
  'POST /v1/claims/{id}/accept-withdrawal': claimOf(['certifier'], ['certifier']),
  'POST /v1/claims/{id}/reject-withdrawal': claimOf(['certifier'], ['certifier']),
  'POST /v1/claims/{id}/recommend-correction': claimOf(['certifier'], ['certifier']),
  // The holder notifies changes: a CN plan's (3.4.1), a notified CFP offset's (art. 13 ③).
  'POST /v1/claims/{id}/plan-changes': claimOf(['applicant'], ['applicant']),
  'POST /v1/claims/{id}/change-notifications': claimOf(['applicant'], ['applicant']),
  // A verification body (any organisation with the verifier role), never the applicant (seed 002 2.2.2).
  'POST /v1/claims/{id}/verification': { public: false, roles: ['verifier'], params: { id: 'claim' } },
  'GET /v1/register': PUBLIC,
  // Lists filter to what the caller may see; a caller with none of these roles has nothing to list.
  'GET /v1/retirements': { public: false, roles: ['provider', 'applicant', 'auditor', 'admin'] },
  'GET /v1/claims': { public: false, roles: ['applicant', 'provider', 'certifier', 'auditor', 'admin'] },
  'GET /v1/organizations': PUBLIC,
  'PATCH /v1/organizations/{id}': { ...ADMIN, params: { id: 'organization' } },
  'DELETE /v1/claims/{id}/providers/{providerId}': claimOf(['applicant'], ['applicant']),
  'GET /v1/certificate-keys': PUBLIC,
  'GET /v1/certificates/{file}': { ...PUBLIC, params: { file: 'certificate' } },
  // The transparency log is for everyone: its point is that anyone can check it.
  'GET /v1/log/checkpoint': PUBLIC,
  'GET /v1/log/keys': PUBLIC,
  'GET /v1/log/entries/{index}': PUBLIC,
  'GET /v1/log/proof/inclusion': PUBLIC,
  'GET /v1/log/proof/consistency': PUBLIC,
  'GET /v1/log/tile/{path}': PUBLIC,
  // Any organisation, for its own webhooks (not the admin: it has no events); another organisation's webhook is 404 (webhooks.e2e.ts).
  'POST /v1/webhooks': { public: false, roles: EVERY_ORG_ROLE },
  'GET /v1/webhooks': { public: false, roles: EVERY_ORG_ROLE },
  'DELETE /v1/webhooks/{id}': { public: false, roles: EVERY_ORG_ROLE },
  'POST /v1/webhooks/{id}/ping': { public: false, roles: EVERY_ORG_ROLE },
  'POST /v1/webhooks/{id}/rotate-secret': { public: false, roles: EVERY_ORG_ROLE },
  'GET /v1/webhooks/{id}/deliveries': { public: false, roles: EVERY_ORG_ROLE },
  // Auditors compare every block, providers their own; a reconciliation is read by its requester and auditors.
  'POST /v1/reconciliations': { public: false, roles: ['auditor', 'provider'] },
  'GET /v1/reconciliations/{id}': { public: false, roles: ['auditor', 'provider'] },
  'GET /v1/reconciliations/{id}/report.csv': { public: false, roles: ['auditor', 'provider'] },
};

/**
 * Routes being added on other branches (issue 13). Their cases run as soon as the route is in the
 * document; until then they are skipped. Once merged, set this to false (or move the rows into
 * ACCESS) so that losing one of them fails the test.
 */
const SKIP_PENDING_ROUTES_ABSENT_FROM_THE_DOCUMENT = false;
const PENDING_ROUTES: Record<string, ExpectedAccess> = {};

type Caller = { kind: 'anonymous' } | { kind: 'unknownKey' } | { kind: 'admin' } | { kind: 'role'; role: OrgRole; anotherOrganization: boolean };
type Outcome = 'allowed' | '401' | '403' | '403 or 404' | '404';

interface MatrixCase {
  name: string;
  route: string;
  pending: boolean;
  caller: Caller;
  expected: Outcome;
}

/** A well-formed key no organisation has (the guard must not take it on any route, public ones included). */
const UNKNOWN_KEY = 'Bearer ork_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

function casesOf(route: string, access: ExpectedAccess, pending: boolean): MatrixCase[] {
  const passes = (role: Role) => access.public || access.roles.includes(role);
  const out: Omit<MatrixCase, 'name'>[] = [
    { route, pending, caller: { kind: 'anonymous' }, expected: access.public ? 'allowed' : '401' },
    { route, pending, caller: { kind: 'unknownKey' }, expected: '401' },
    ...ORG_ROLES.map((role) => ({ route, pending, caller: { kind: 'role', role, anotherOrganization: false } as Caller, expected: (passes(role) ? 'allowed' : '403') as Outcome })),
    { route, pending, caller: { kind: 'admin' }, expected: passes('admin') ? 'allowed' : '403' },
    ...(access.ownResource?.roles ?? []).map((role) => ({
      route,
      pending,
      caller: { kind: 'role', role, anotherOrganization: true } as Caller,
      expected: access.ownResource!.anotherOrganization as Outcome,
    })),
  ];
  return out.map((c) => ({ ...c, name: `${c.route} ${callerLabel(c.caller)} → ${c.expected}${pending ? ' (pending route)' : ''}` }));
}

function callerLabel(caller: Caller): string {
  switch (caller.kind) {
    case 'anonymous':
      return 'without a key';
    case 'unknownKey':
      return 'with an unknown key';
    case 'admin':
      return 'as admin';
    case 'role':
      return caller.anotherOrganization ? `as another organisation's ${caller.role}` : `as ${caller.role}`;
  }
}

const CASES: MatrixCase[] = [
  ...Object.entries(ACCESS).flatMap(([route, access]) => casesOf(route, access, false)),
  ...Object.entries(PENDING_ROUTES).flatMap(([route, access]) => casesOf(route, access, true)),
];

describe('authorisation matrix (every documented route × every kind of caller)', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let routes: Map<string, RouteOperation>;
  let fx: AccessFixtures;

  beforeAll(async () => {
    t = await startTestApp();
    doc = await fetchOpenApiDocument(t);
    routes = new Map(routesOf(doc).map((r) => [r.key, r]));
    fx = await createAccessFixtures(t, { assignCertifier: routes.has('POST /v1/claims/{id}/certifier') });
  }, 60_000);
  afterAll(() => t?.close());

  it('has an expected-access row for every route of the OpenAPI document', () => {
    const missing = [...routes.keys()].filter((key) => !(key in ACCESS) && !(key in PENDING_ROUTES));
    if (missing.length) {
      throw new Error(`routes without a row in ACCESS (test/e2e/authorization-matrix.e2e.ts): say who may call them:\n  ${missing.join('\n  ')}`);
    }
  });

  it('has no row for a route the OpenAPI document lacks', () => {
    const stale = Object.keys(ACCESS).filter((key) => !routes.has(key));
    const pendingAbsent = SKIP_PENDING_ROUTES_ABSENT_FROM_THE_DOCUMENT ? [] : Object.keys(PENDING_ROUTES).filter((key) => !routes.has(key));
    const unknown = [...stale, ...pendingAbsent];
    if (unknown.length) throw new Error(`rows for routes the OpenAPI document does not have (renamed or removed?):\n  ${unknown.join('\n  ')}`);
  });

  it.each(CASES)('$name', async ({ route, pending, caller, expected }) => {
    const operation = routes.get(route);
    if (!operation) {
      if (pending && SKIP_PENDING_ROUTES_ABSENT_FROM_THE_DOCUMENT) return; // not merged yet
      throw new Error(`${route} is not in the OpenAPI document`);
    }
    const access = ACCESS[route] ?? PENDING_ROUTES[route];
    const res = await send(operation, access, caller);
    const summary = `${route} ${callerLabel(caller)} answered ${res.status} ${res.body?.code ?? ''}: ${res.text.slice(0, 300)}`;
    switch (expected) {
      case 'allowed':
        if (res.status === 401 || res.status === 403) throw new Error(`expected the call to pass the access checks; ${summary}`);
        if (res.status >= 500) throw new Error(`a 5xx does not tell whether the access checks passed; ${summary}`);
        break;
      case '401':
      case '403':
      case '404':
        if (String(res.status) !== expected) throw new Error(`expected ${expected}; ${summary}`);
        break;
      case '403 or 404':
        if (res.status !== 403 && res.status !== 404) throw new Error(`expected 403 or 404; ${summary}`);
        break;
    }
    const code = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' }[res.status as 401 | 403 | 404];
    if (expected !== 'allowed' && res.body?.code !== code) throw new Error(`expected code ${code}; ${summary}`);
  });

  function send(route: RouteOperation, access: ExpectedAccess, caller: Caller) {
    const path = fillPath(route.path, (name) => encodeURIComponent(paramValue(access.params?.[name], caller)));
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let req = t.http[method](path);
    const auth = authOf(caller);
    if (auth) req = req.set('Authorization', auth);
    const schema = jsonBodySchemaOf(doc, route.operation);
    return schema ? req.send(minimalValue(doc, schema) as object) : req;
  }

  function authOf(caller: Caller): string | undefined {
    switch (caller.kind) {
      case 'anonymous':
        return undefined;
      case 'unknownKey':
        return UNKNOWN_KEY;
      case 'admin':
        return t.admin.Authorization;
      case 'role':
        return (caller.anotherOrganization ? fx.other : fx.main)[caller.role].auth.Authorization;
    }
  }

  /** The resources belong to the main organisations; another organisation's key asks for the same ones. */
  function paramValue(source: ParamSource | undefined, caller: Caller): string {
    const role: OrgRole = caller.kind === 'role' ? caller.role : 'applicant';
    switch (source) {
      case 'claim':
        return fx.claimId;
      case 'retirement':
        return fx.retirementId;
      case 'certificate':
        return fx.certificateNumber;
      case 'organization':
        return fx.main.applicant.id;
      case 'callerOrganization':
        return fx.main[role].id;
      case 'callerSpareKey':
        return caller.kind === 'admin' ? fx.adminSpareKeyId : fx.main[role].spareKeyId;
      case undefined:
        return randomUUID();
    }
  }
});
