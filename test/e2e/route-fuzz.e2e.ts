import fc from 'fast-check';
import { createAccessFixtures, CN_DRAFT, EVIDENCE, ORG_ROLES, type AccessFixtures } from '../support/access-fixtures';
import { addDaysIso, todayJst } from '../support/dates';
import { bodyFacet, describeRequest, fuzzRoutesOf, headersFacet, queryFacet, takesBody, type FuzzContext, type FuzzRequest, type FuzzRoute } from '../support/fuzz-requests';
import { fetchOpenApiDocument, routesOf, type OpenApiDocument } from '../support/openapi';
import { RawHttpClient } from '../support/raw-http';
import { violationsOf } from '../support/response-properties';
import { TEST_ENGINE } from '../support/test-engine';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * Every route of the OpenAPI document (and the verify pages, which the document leaves out), fuzzed
 * in three facets: bodies, query strings and paths, headers. Valid keys of every role (and an
 * organisation holding all of them) take most requests past the guard into the handlers. After
 * the run the journal must still verify.
 *
 * Runs per route and facet scale with FUZZ_RUNS_SCALE (default 1; PostgreSQL, where the e2e suites
 * run again in the integration tier, a quarter of that). FUZZ_SEED=<seed> replays a run (with the
 * seed fast-check prints); FUZZ_REPORT=1 prints how many requests were sent.
 */

const SCALE = Number(process.env.FUZZ_RUNS_SCALE ?? '1') * (TEST_ENGINE === 'postgres' ? 0.25 : 1);
const RUNS = { body: runs(60), query: runs(25), headers: runs(25) };
/** How many distinct kinds of failure one route and facet reports before giving up on it. */
const MAX_KINDS_PER_ROUTE = 4;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

function runs(base: number): number {
  return Math.max(5, Math.round(base * SCALE));
}

/** Stands for a serial number no request used before; replaced when the request is sent. */
const FRESH = '@FRESH@';

/** The verify pages (web pages, excluded from the document) take query parameters too. */
const UNDOCUMENTED_ROUTES: FuzzRoute[] = [
  { key: 'GET /verify', method: 'GET', path: '/verify', operation: {}, queryNames: ['number', 'serial', 'cursor', 'lang'], html: true },
  { key: 'GET /verify/{number}', method: 'GET', path: '/verify/{number}', operation: {}, queryNames: ['lang'], html: true },
];

describe('route fuzz (bodies, queries, headers of every route)', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let client: RawHttpClient;
  let fx: AccessFixtures;
  let ctx: FuzzContext;
  let routes: FuzzRoute[];
  let sent = 0;
  let fresh = 0;

  beforeAll(async () => {
    // The rate limit would turn most of the run into 429s.
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '0' });
    doc = await fetchOpenApiDocument(t);
    const documented = routesOf(doc);
    fx = await createAccessFixtures(t, { assignCertifier: documented.some((r) => r.key === 'POST /v1/claims/{id}/certifier') });
    const ownClaim = await t.http.post('/v1/claims').set(fx.allRoles.auth).send(CN_DRAFT).expect(201);
    client = await RawHttpClient.listen(t);
    routes = fuzzRoutesOf(documented, UNDOCUMENTED_ROUTES);
    const orgs = [fx.allRoles, ...ORG_ROLES.map((r) => fx.main[r]), ...ORG_ROLES.map((r) => fx.other[r])];
    ctx = {
      doc,
      ids: {
        organizations: orgs.map((o) => o.id),
        claims: [ownClaim.body.id, fx.claimId],
        retirements: [fx.retirementId],
        certificates: [fx.certificateNumber],
        apiKeys: orgs.map((o) => o.spareKeyId),
      },
      validAuthorizations: [fx.allRoles.auth.Authorization, t.admin.Authorization, ...orgs.slice(1).map((o) => o.auth.Authorization)],
      validBodies: {
        'POST /v1/holdings': { serial: `JCL-ERL-R950-${FRESH}`, evidence: EVIDENCE },
        'POST /v1/transfers': { serial: `JCL-ERL-R778-${FRESH}`, toOrganizationId: fx.main.provider.id },
        'POST /v1/retirements': { serials: [`JCL-ERL-R951-${FRESH}`], beneficiary: '株式会社サンプル', purpose: 'カーボン・オフセット', evidence: EVIDENCE },
        'POST /v1/claims': { ...CN_DRAFT, calculationMethod: '燃料使用量×排出係数', reductionMeasures: '照明のLED化', labelUse: 'ウェブサイトに表示' },
        'POST /v1/claims/{id}/providers': { providerId: fx.main.provider.id },
        'POST /v1/claims/{id}/certify': { validFrom: todayJst(), validTo: addDaysIso(todayJst(), 364) },
        'POST /v1/serials/check': { serials: ['JCL-ERL-R777-1-20'] },
      },
    };
  }, 120_000);

  afterAll(async () => {
    client?.close();
    await t?.close();
  });

  /**
   * One property per route and facet. A failure is reported, then its kinds are set aside and the
   * property runs again, so that one broken promise (a known 500, say) does not hide another.
   */
  async function check(route: FuzzRoute, arbitrary: fc.Arbitrary<FuzzRequest>, numRuns: number): Promise<string[]> {
    const setAside = new Set<string>();
    const failures: string[] = [];
    for (let round = 0; round < MAX_KINDS_PER_ROUTE; round++) {
      let lastKinds: string[] = [];
      try {
        await fc.assert(
          fc.asyncProperty(arbitrary, async (req) => {
            sent++;
            const body = typeof req.body === 'string' ? req.body.replaceAll(FRESH, () => `${++fresh}-${fresh}`) : req.body;
            const res = await client.send({ ...req, body });
            const violations = violationsOf(route, req, res).filter((v) => !setAside.has(v.kind));
            if (violations.length) {
              lastKinds = violations.map((v) => v.kind);
              const what = violations.map((v) => v.message).join('; ');
              throw new Error(`${what}\n  request:\n    ${describeRequest(req)}\n  response ${res.status}: ${res.text.slice(0, 400)}`);
            }
          }),
          { numRuns, seed: SEED, includeErrorInReport: true },
        );
        return failures;
      } catch (error) {
        failures.push(`[${lastKinds.join(', ')}] ${(error as Error).message}`);
        for (const kind of lastKinds) setAside.add(kind);
      }
    }
    return failures;
  }

  // Jest needs test names before the app runs, the routes come from the document the app serves:
  // one test per facet, one property per route in it (a failing route does not hide the others),
  // each failure named by its route with fast-check's shrunk counterexample.
  it.each([
    ['bodies', 'body'],
    ['query strings and paths', 'query'],
    ['headers', 'headers'],
  ] as const)('fuzzes the %s of every route', async (_name, facet) => {
    const failures: string[] = [];
    for (const route of routes) {
      if (facet === 'body' && !takesBody(ctx, route)) continue;
      const arbitrary = facet === 'body' ? bodyFacet(ctx, route) : facet === 'query' ? queryFacet(ctx, route) : headersFacet(ctx, route);
      for (const failure of await check(route, arbitrary, RUNS[facet])) failures.push(`── ${route.key} (${facet}) ──\n${failure}`);
    }
    if (failures.length) throw new Error(`${failures.length} failure(s):\n\n${failures.join('\n\n')}`);
  }, 600_000);

  it('leaves a journal that verifies', async () => {
    const res = await t.http.get('/v1/ledger/verify').set(fx.main.auditor.auth).expect(200);
    expect(res.body).toMatchObject({ ok: true });
    expect(sent).toBeGreaterThan(0);
    if (process.env.FUZZ_REPORT) console.log(`sent ${sent} requests`);
  });
});
