import { startTestApp, type TestApp } from '../support/test-app';

describe('schemes and serial parsing (public)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists at least the schemes of DOMAIN.md §3 with their units', async () => {
    const res = await t.http.get('/v1/schemes').expect(200);
    const byCode = Object.fromEntries(res.body.map((s: { code: string; unit: string }) => [s.code, s]));
    for (const code of ['KYOTO', 'JVER', 'JCREDIT', 'REGIONAL_JCREDIT', 'PREF_JVER', 'DOMESTIC', 'GREEN_CO2', 'GREEN_POWER', 'GREEN_HEAT']) {
      expect(byCode[code]).toMatchObject({ code, name: expect.any(String), unit: expect.any(String) });
    }
    expect(byCode.GREEN_POWER.unit).toBe('kWh');
    expect(byCode.GREEN_HEAT.unit).toBe('MJ');
    expect(byCode.JCREDIT.unit).toBe('t-CO2e');
  });

  it('parses a full-width J-Credit serial copied from a Japanese document into its canonical form', async () => {
    const res = await t.http.post('/v1/serials/parse').send({ serial: 'ＪＣＬ－ＥＲＬ－Ｒ０１２－１０００００１－１０００５００' }).expect(200);
    expect(res.body).toMatchObject({
      scheme: 'JCREDIT',
      start: '1000001',
      end: '1000500',
      quantity: '500',
      canonical: 'JCL-ERL-R012-1000001-1000500',
    });
  });

  it('parses a Kyoto CER block of a real export, bounds as strings', async () => {
    const res = await t.http.post('/v1/serials/parse').send({ serial: 'RW-5-1463953-2-2-0-7014 - RW-5-1467609-2-2-0-7014' }).expect(200);
    expect(res.body).toMatchObject({ scheme: 'KYOTO', namespace: 'KYOTO:RW', start: '1463953', end: '1467609', quantity: '3657' });
  });

  it('keeps bounds up to 2^63-1 exact', async () => {
    const res = await t.http.post('/v1/serials/parse').send({ serial: 'JCL-ERL-R1-9223372036854775806-9223372036854775807' }).expect(200);
    expect(res.body).toMatchObject({ start: '9223372036854775806', end: '9223372036854775807', quantity: '2' });
  });

  it.each([
    ['empty', ''],
    ['10 kB of text', 'JCL-'.repeat(2560)],
    ['control characters', 'JCL-ERL-R1-1-\u0000\u0007'],
    ['an SQL fragment', "'; DROP TABLE serial_blocks; --"],
    ['a reversed range', 'JCL-ERL-R012-1000500-1000001'],
    ['a number beyond 2^63-1', 'JCL-ERL-R1-1-9223372036854775808'],
  ])('answers 400 INVALID_SERIAL naming the field for %s', async (_name, serial) => {
    const res = await t.http.post('/v1/serials/parse').send({ serial }).expect(400);
    expect(res.body.code).toBe('INVALID_SERIAL');
    expect(res.body.field).toMatch(/^serial/);
    expect(res.body.detail.length).toBeGreaterThan(10);
  });

  it('answers 400 VALIDATION_FAILED for an unknown scheme code', async () => {
    const res = await t.http.post('/v1/serials/parse').send({ serial: 'JCL-ERL-R1-1-2', scheme: 'NOPE' }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'scheme' }] });
  });

  it('answers 400 INVALID_SERIAL when the scheme hint contradicts the serial', async () => {
    const res = await t.http.post('/v1/serials/parse').send({ serial: 'JCL-ERL-R1-1-2', scheme: 'KYOTO' }).expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_SERIAL' });
  });

  it('lets REGIONAL_JCREDIT claim a J-Credit symbol', async () => {
    const res = await t.http.post('/v1/serials/parse').send({ serial: 'JC-ER-KOC01-1-10', scheme: 'REGIONAL_JCREDIT' }).expect(200);
    expect(res.body.scheme).toBe('REGIONAL_JCREDIT');
  });

  it('answers status for garbage with 400, never 500', async () => {
    const res = await t.http.get('/v1/serials/status').query({ serial: '\u0001' }).expect(400);
    expect(res.body.code).toBe('INVALID_SERIAL');
    await t.http.get('/v1/serials/status').expect(400);
  });
});
