import { createOrganizationWithKey, startTestApp, type TestApp } from '../support/test-app';

type Org = Awaited<ReturnType<typeof createOrganizationWithKey>>;
type Segment = { start: string; end: string; status: string; holderId?: string; retirementId?: string };

/**
 * API.md "Serial status": at most 1,000 segments an answer, `nextCursor` to go on, pages that tile the
 * asked range exactly; the verify page pages the same way; the bulk check stops at 10,000 segments
 * and answers an unreadable row with an error in its place.
 */
describe('serial status: bounded answers', () => {
  let t: TestApp;
  let provider: Org;
  let auditor: Org;
  // Held 1-2400, every odd serial retired (by two retirements): 2,400 alternating segments, then
  // 2401-2500 unknown to the ledger: 2,401 segments in all.
  const NS = 'JCL-ERL-R77';
  const WHOLE = `${NS}-1-2500`;
  const ALL_SEGMENTS = 2401;
  let retirementIds: string[];

  beforeAll(async () => {
    t = await startTestApp();
    provider = await createOrganizationWithKey(t, ['provider']);
    auditor = await createOrganizationWithKey(t, ['auditor']);
    await t.http.post('/v1/holdings').set(provider.auth).send({ serial: `${NS}-1-2400`, evidence: { registry: 'J-Credit registry', reference: 'account statement 0001' } }).expect(201);
    const odd = Array.from({ length: 1200 }, (_, i) => `${NS}-${2 * i + 1}-${2 * i + 1}`);
    retirementIds = [];
    for (const serials of [odd.slice(0, 1000), odd.slice(1000)]) {
      const res = await t.http.post('/v1/retirements').set(provider.auth).send({ serials, beneficiary: '株式会社サンプル', purpose: 'CN 2025' }).expect(201);
      retirementIds.push(res.body.id);
    }
  });
  afterAll(() => t.close());

  const status = (query: Record<string, string>, org?: Org) => t.http.get('/v1/serials/status').query(query).set(org ? org.auth : {});

  /** Every page of `serial` as a client walks them. */
  async function walk(serial: string, org?: Org): Promise<{ namespace: string; segments: Segment[]; nextCursor?: string; start: string; end: string }[]> {
    const pages = [];
    let cursor: string | undefined;
    do {
      const res = await status({ serial, ...(cursor ? { cursor } : {}) }, org).expect(200);
      pages.push(res.body);
      cursor = res.body.nextCursor;
      expect(pages.length).toBeLessThan(10);
    } while (cursor);
    return pages;
  }

  function expectTiles(segments: Segment[], start: string, end: string): void {
    expect(segments[0].start).toBe(start);
    expect(segments[segments.length - 1].end).toBe(end);
    for (let i = 1; i < segments.length; i++) expect(BigInt(segments[i].start)).toBe(BigInt(segments[i - 1].end) + 1n);
  }

  it('answers at most 1,000 segments a page, and the pages tile the range exactly, for anyone', async () => {
    for (const viewer of [undefined, auditor]) {
      const pages = await walk(WHOLE, viewer);
      expect(pages.map((p) => p.segments.length)).toEqual([1000, 1000, 401]);
      for (const page of pages) expect(page).toMatchObject({ namespace: pages[0].namespace, start: '1', end: '2500' });
      const all = pages.flatMap((p) => p.segments);
      expect(all).toHaveLength(ALL_SEGMENTS);
      expectTiles(all, '1', '2500');
      // Each page starts where the previous one ended, on a complete segment: nothing is split.
      expect(all.filter((s) => s.start !== s.end).map((s) => [s.start, s.end, s.status])).toEqual([['2401', '2500', 'unknown']]);
      expect(all[0]).toMatchObject({ status: 'retired', retirementId: retirementIds[0] });
      expect(all[1]).toEqual({ start: '2', end: '2', status: 'held', ...(viewer ? { holderId: provider.id } : {}) });
      expect(all[2399]).toMatchObject({ start: '2400', status: 'held' });
      expect(all[2000]).toMatchObject({ start: '2001', status: 'retired', retirementId: retirementIds[1] });
    }
  });

  it('pages any part of the namespace, and answers one page when it fits', async () => {
    const pages = await walk(`${NS}-600-2450`);
    expect(pages.map((p) => p.segments.length)).toEqual([1000, 802]);
    expectTiles(
      pages.flatMap((p) => p.segments),
      '600',
      '2450',
    );
    const small = await status({ serial: `${NS}-10-20` }).expect(200);
    expect(small.body.segments).toHaveLength(11);
    expect(small.body.nextCursor).toBeUndefined();
  });

  it('refuses a cursor that is garbage, altered, or from another serial: 400 VALIDATION_FAILED naming cursor', async () => {
    const first = await status({ serial: WHOLE }).expect(200);
    const cursor: string = first.body.nextCursor;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
    const altered = Buffer.from(decoded.replace(/\.(\d+)\./, (_, n) => `.${Number(n) + 1}.`), 'utf8').toString('base64url');
    for (const [serial, bad] of [
      [WHOLE, 'not-a-cursor'],
      [WHOLE, '%%%'],
      [WHOLE, ''],
      [WHOLE, altered],
      [WHOLE, 'x'.repeat(5000)],
      [`${NS}-1-2400`, cursor], // the same namespace, another range
      [`JCL-ERL-R78-1-2500`, cursor], // another namespace
    ]) {
      const res = await status({ serial, cursor: bad }).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'cursor' }] });
    }
  });

  it('pages the serial page the same way, with plain "next page" links (the old verify address leads there)', async () => {
    expect((await t.http.get(`/verify?serial=${WHOLE}&lang=en`).expect(301)).headers.location).toBe(`/serials?serial=${WHOLE}&lang=en`);
    let href: string | undefined = `/serials?serial=${WHOLE}&lang=en`;
    const rows: [string, string][] = [];
    const perPage: number[] = [];
    while (href) {
      const page = await t.http.get(href).expect(200);
      expect(page.text.toLowerCase()).not.toContain('<script');
      const pageRows = [...page.text.matchAll(/<tr class="segment segment-\w+"><td[^>]*>(\d+) – (\d+)<\/td>/g)].map((m) => [m[1], m[2]] as [string, string]);
      perPage.push(pageRows.length);
      rows.push(...pageRows);
      if (perPage.length > 1) expect(page.text).toContain(`<a href="/serials?serial=${WHOLE}&lang=en">← First page</a>`);
      const next = /<a href="([^"]+)" rel="next">Next page →<\/a>/.exec(page.text);
      href = next ? next[1].replace(/&amp;/g, '&') : undefined;
      expect(perPage.length).toBeLessThan(10);
    }
    expect(perPage).toEqual([1000, 1000, 401]);
    expectTiles(
      rows.map(([start, end]) => ({ start, end, status: '' })),
      '1',
      '2500',
    );
    // Japanese too, and the language switch keeps the page.
    const first = await t.http.get('/serials').query({ serial: WHOLE, lang: 'ja' }).expect(200);
    expect(first.text).toContain('次のページ →');
    const cursor = (await status({ serial: WHOLE }).expect(200)).body.nextCursor;
    const second = await t.http.get('/serials').query({ serial: WHOLE, cursor, lang: 'ja' }).expect(200);
    expect(second.text).toContain(`href="/language/en?next=${encodeURIComponent(`/serials?serial=${WHOLE}&cursor=${encodeURIComponent(cursor)}`)}"`);
    expect(second.text).toContain('← 最初のページ');
    // A bad cursor is a readable 400 page with a link back to the first page.
    const bad = await t.http.get('/serials').query({ serial: WHOLE, cursor: 'nope', lang: 'en' }).expect(400);
    expect(bad.headers['content-type']).toMatch(/^text\/html/);
    expect(bad.text).toContain('The page asked for could not be read');
    expect(bad.text).toContain(`<a href="/serials?serial=${WHOLE}&lang=en">← First page</a>`);
  });

  describe('bulk check (auditor)', () => {
    const check = (serials: string[]) => t.http.post('/v1/serials/check').set(auditor.auth).send({ serials });
    // 1-1000: 1,000 alternating segments.
    const THOUSAND = `${NS}-1-1000`;

    it('answers up to 10,000 segments in all, and refuses more with 400 pointing to the paged status', async () => {
      const exactly = await check(Array(10).fill(THOUSAND)).expect(200);
      expect(exactly.body.items.map((i: { segments: Segment[] }) => i.segments.length)).toEqual(Array(10).fill(1000));
      expect(exactly.body.items[0].segments[1]).toEqual({ start: '2', end: '2', status: 'held', holderId: provider.id });
      const over = await check([...Array(10).fill(THOUSAND), `${NS}-1-1`]).expect(400);
      expect(over.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'serials' }] });
      expect(over.body.detail).toContain('/v1/serials/status');
      // One row can be all of it: the whole range is 2,401 segments, unpaged, with no cursor.
      const whole = await check([WHOLE]).expect(200);
      expect(whole.body.items[0].segments).toHaveLength(ALL_SEGMENTS);
      expect(whole.body.items[0].nextCursor).toBeUndefined();
      expectTiles(whole.body.items[0].segments, '1', '2500');
      await check(Array(5).fill(WHOLE)).expect(400);
    });

    it('answers an unreadable row with an error in its place, and the other rows as usual (JSON)', async () => {
      const res = await check([`${NS}-1-3`, 'not a serial', `${NS}-5-4`, `${NS}-2401-2402`]).expect(200);
      expect(res.body.items).toHaveLength(4);
      expect(res.body.items[0].segments.map((s: Segment) => s.status)).toEqual(['retired', 'held', 'retired']);
      expect(res.body.items[1]).toEqual({ serial: 'not a serial', error: { code: 'INVALID_SERIAL', message: expect.stringContaining('serials[1]') } });
      expect(res.body.items[2]).toEqual({ serial: `${NS}-5-4`, error: { code: 'INVALID_SERIAL', message: expect.any(String) } });
      expect(res.body.items[3]).toMatchObject({ serial: `${NS}-2401-2402`, segments: [{ start: '2401', end: '2402', status: 'unknown' }] });
    });

    it('answers an unreadable row with an error in its place (text/csv), a short row included', async () => {
      const csv = `serial,note\n${NS}-1-2,a\n???,b\n,c\nshort\n${NS}-2-2,d,extra\n`;
      const res = await t.http.post('/v1/serials/check').set(auditor.auth).set('Content-Type', 'text/csv').send(csv).expect(200);
      expect(res.body.items.map((i: { error?: { code: string }; segments?: Segment[] }) => i.error?.code ?? i.segments!.length)).toEqual([
        2,
        'INVALID_SERIAL',
        'INVALID_SERIAL',
        'INVALID_SERIAL',
        1,
      ]);
      expect(res.body.items[1].serial).toBe('???');
      expect(res.body.items[2].serial).toBe('');
    });
  });
});
