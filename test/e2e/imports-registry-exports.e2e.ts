import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HOLDINGS_EXPORT_CASES, registryExportsDir } from '../support/registry-exports-dir';
import { createOrganizationWithKey, eventually, startTestApp, type TestApp } from '../support/test-app';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;

const DIR = registryExportsDir();
if (!DIR) console.warn('registry export fixtures not found; skipping the real-export import tests (CI has them beside the clone)');
const describeWithFixtures = DIR ? describe : describe.skip;

/**
 * Every real export with serials imports over the API (issue 14): its issued blocks become holdings
 * (the export is the evidence), its retired or cancelled rows are reported, never registered; the
 * same file twice changes nothing the second time.
 */
const CASES = HOLDINGS_EXPORT_CASES;

describeWithFixtures('imports: the managing registries’ real exports', () => {
  let t: TestApp;
  let provider: Org;

  beforeAll(async () => {
    t = await startTestApp();
    provider = await createOrganizationWithKey(t, ['provider']);
  });
  afterAll(() => t.close());

  const importFile = async (file: string, query: Record<string, string> = {}) => {
    const res = await t.http
      .post('/v1/imports')
      .query({ kind: 'holdings', ...query })
      .set(provider.auth)
      .set('Content-Type', 'text/csv')
      .send(readFileSync(path.join(DIR!, file)))
      .expect(202);
    return eventually(async () => {
      const view = await t.http.get(`/v1/imports/${res.body.id}`).set(provider.auth).expect(200);
      return ['done', 'failed'].includes(view.body.status) ? view.body : undefined;
    }, 60_000);
  };

  it.each(CASES)('$file: detected as $format, $accepted of $total rows held, the rest reported; twice changes nothing', async ({ file, format, total, accepted }) => {
    const first = await importFile(file);
    expect(first).toMatchObject({ status: 'done', format, total, accepted, skipped: 0, refused: total - accepted });
    for (const refused of first.refusedRows) {
      expect(refused.code).toBe('NOT_A_HOLDING');
      expect(refused.message).toMatch(/^status: .* shows this block (retired|cancelled)/);
    }
    const second = await importFile(file, { format });
    expect(second).toMatchObject({ status: 'done', format, total, accepted: 0, skipped: accepted, refused: total - accepted });
  });

  it('a file of project summaries (no serials) fails, naming the header', async () => {
    const result = await importFile('verra/projects.csv');
    expect(result).toMatchObject({ status: 'failed', error: expect.stringMatching(/^header: /) });
  });

  it('the journal verifies after every import', async () => {
    const auditor = await createOrganizationWithKey(t, ['auditor']);
    expect((await t.http.get('/v1/ledger/verify').set(auditor.auth).expect(200)).body.ok).toBe(true);
  });
});
