import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';

describe('problem details in Japanese (Accept-Language: ja)', () => {
  let t: TestApp;
  let provider: Awaited<ReturnType<typeof createOrganizationWithKey>>;
  beforeAll(async () => {
    t = await startTestApp();
    provider = await createOrganizationWithKey(t, ['provider']);
  });
  afterAll(() => t.close());

  const badHolding = (language?: string) => {
    const request = t.http.post('/v1/holdings').set(provider.auth);
    if (language) request.set('Accept-Language', language);
    return request.send({ serial: 'JCL-ERL-R1-1-10', evidence: { registry: 'J-Credit registry', reference: 'a\u202eb' } });
  };

  it('answers Japanese title and detail naming the field, with the code, the errors and the English detail unchanged', async () => {
    const english = await badHolding().expect(400);
    const japanese = await badHolding('ja').expect(400);
    expect(japanese.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(japanese.headers.vary).toMatch(/Accept-Language/);
    expect(japanese.body).toMatchObject({
      code: english.body.code,
      status: 400,
      title: '不正なリクエスト',
      errors: english.body.errors,
      detailEn: english.body.detail,
    });
    expect(japanese.body.code).toBe('VALIDATION_FAILED');
    expect(japanese.body.detail).toBe('入力内容に誤りがあります（項目: evidence.reference）');
    expect(english.body.title).toBe('Bad Request');
    expect(english.body.detailEn).toBeUndefined();
  });

  it.each([
    ['ja-JP', '不正なリクエスト'],
    ['ja;q=0.9, en;q=0.8', '不正なリクエスト'],
    ['en-US, ja;q=0.5', 'Bad Request'],
    ['fr', 'Bad Request'],
  ])('picks the language by the header’s preference: %s', async (header, title) => {
    expect((await badHolding(header).expect(400)).body.title).toBe(title);
  });

  it('covers errors raised before the use cases: 401, 404 and invalid JSON', async () => {
    const unauthenticated = await t.http.get('/v1/holdings').set('Accept-Language', 'ja').expect(401);
    expect(unauthenticated.body).toMatchObject({ code: 'UNAUTHENTICATED', title: '認証されていません' });
    const missing = await t.http.get('/v1/nothing-here').set('Accept-Language', 'ja').expect(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', title: '見つかりません', detail: '指定されたものは見つかりません' });
    const invalid = await t.http.post('/v1/holdings').set(provider.auth).set('Accept-Language', 'ja').set('Content-Type', 'application/json').send('{"serial":').expect(400);
    expect(invalid.body).toMatchObject({ code: 'VALIDATION_FAILED', detail: '入力内容に誤りがあります（項目: body）' });
  });

  it('counts the conflicts of a 409', async () => {
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial: 'JCL-ERL-R2-1-10', evidence: { registry: 'J-Credit registry', reference: 's1' } }).expect(201);
    const conflict = await t.http.post('/v1/holdings').set(provider.auth).set('Accept-Language', 'ja').send({ serial: 'JCL-ERL-R2-5-20', evidence: { registry: 'J-Credit registry', reference: 's2' } }).expect(409);
    expect(conflict.body).toMatchObject({ code: 'SERIAL_CONFLICT', title: '競合', detail: 'シリアル番号が既存のブロックと重複しています（競合 1 件）' });
  });
});
