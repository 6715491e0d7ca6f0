import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';

const COMMITTED = path.resolve(__dirname, '..', '..', 'openapi.json');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

interface Operation {
  operationId?: string;
  summary?: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; schema?: { type?: string } }[];
  responses: Record<string, { content?: Record<string, { schema?: { allOf?: { properties?: { code?: { enum?: string[] } } }[] } }> }>;
}

describe('the OpenAPI document is a contract a client can be built from', () => {
  let t: TestApp;
  let served: { openapi: string; paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    t = await startTestApp();
    served = (await t.http.get('/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(served.paths).flatMap(([route, item]) => METHODS.filter((m) => item[m]).map((m) => ({ key: `${m.toUpperCase()} ${route}`, op: item[m]! })));

  it('is the committed openapi.json (run `npm run openapi` after changing a route, and commit the result)', () => {
    expect(served).toEqual(JSON.parse(readFileSync(COMMITTED, 'utf8')));
  });

  it('gives every operation a summary', () => {
    expect(operations().filter(({ op }) => !op.summary?.trim()).map(({ key }) => key)).toEqual([]);
  });

  it('documents for every operation a 2xx answer with a content schema, or a 204 without a body', () => {
    // No exceptions: every 202 also says what its body is ({ id, status }, { jobId }, the rendering PDF's { status }).
    const EXCEPTIONS: string[] = [];
    const undocumented = operations()
      .filter(({ key }) => !EXCEPTIONS.includes(key))
      .filter(({ op }) => {
        const successes = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
        const typed = successes.some(([, response]) => Object.values(response.content ?? {}).some((media) => media.schema));
        const bodiless = successes.length > 0 && successes.every(([status, response]) => status === '204' && !response.content);
        return !typed && !bodiless;
      })
      .map(({ key }) => key);
    expect(undocumented).toEqual([]);
  });

  it('is OpenAPI 3.1, with a unique operationId for every operation', () => {
    expect(served.openapi).toBe('3.1.0');
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('types every paging limit as an integer from 1 to 1000', () => {
    const limits = operations().flatMap(({ op }) => (op.parameters ?? []).filter((p) => p.name === 'limit' && p.in === 'query'));
    expect(limits.length).toBeGreaterThan(3);
    for (const limit of limits) expect(limit.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 1000 });
  });

  it('says per operation whether a key is needed, and lists the problem codes it answers by status', () => {
    const retire = served.paths['/v1/retirements']!.post!;
    expect(retire.security).toEqual([{ bearer: [] }]);
    expect(served.paths['/v1/serials/status']!.get!.security).toEqual([]);
    const codesOf = (op: Operation, status: string) => op.responses[status]?.content?.['application/problem+json']?.schema?.allOf?.[1]?.properties?.code?.enum;
    const hold = served.paths['/v1/holdings']!.post!;
    expect(codesOf(hold, '409')).toEqual(expect.arrayContaining(['SERIAL_CONFLICT', 'ALREADY_RETIRED']));
    expect(codesOf(hold, '400')).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'EVIDENCE_REQUIRED', 'INVALID_SERIAL']));
    expect(codesOf(hold, '401')).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(served.paths['/v1/schemes']!.get!, '403')).toBeUndefined();
  });
});
