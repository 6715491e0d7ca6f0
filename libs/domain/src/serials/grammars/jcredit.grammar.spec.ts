import { parseSerial } from '../parse-serial';
import { expectInvalidSerial } from '../testing/expect-invalid-serial';

describe('J-Credit family grammar', () => {
  it('SERIALS-jcredit: reads the example block of 500 credits', () => {
    const parsed = parseSerial('JCL-ERL-R012-1000001-1000500');
    expect(parsed).toMatchObject({
      scheme: 'JCREDIT',
      namespace: 'JCREDIT_REGISTRY:JCL-ERL-R012',
      canonical: 'JCL-ERL-R012-1000001-1000500',
      attributes: { symbol: 'JCL', creditType: 'ERL', certificationNo: 'R012' },
    });
    expect(parsed.range.quantity).toBe(500n);
  });

  it.each([
    ['JC-ER-0001-1-10', 'JCREDIT'],
    ['JCL-ERL-R012-1-10', 'JCREDIT'],
    ['KC-KC-2009001-1-10', 'DOMESTIC'],
    ['KCP-KCP-P001-1-10', 'DOMESTIC'],
    ['JP-ER-J0001-1-10', 'JVER'],
    ['NIG-FM-12-1-10', 'PREF_JVER'],
    ['KOC-FM-3-1-10', 'PREF_JVER'],
  ])('SERIALS-jcredit: the symbol of %s gives scheme %s', (serial, scheme) => {
    const parsed = parseSerial(serial);
    expect(parsed.scheme).toBe(scheme);
    expect(parsed.namespace).toBe(`JCREDIT_REGISTRY:${serial.split('-').slice(0, 3).join('-')}`);
  });

  it('SERIALS-jcredit: an explicit REGIONAL_JCREDIT labels a JC/JCL serial, which stays in the namespace of what is printed', () => {
    const regional = parseSerial('JCL-ERL-R012-1000001-1000500', 'REGIONAL_JCREDIT');
    expect(regional).toMatchObject({ scheme: 'REGIONAL_JCREDIT', namespace: 'JCREDIT_REGISTRY:JCL-ERL-R012' });
    expect(regional.namespace).toBe(parseSerial('JCL-ERL-R012-1000001-1000500').namespace);
    expect(parseSerial('NIG-FM-12-1-10', 'REGIONAL_JCREDIT').namespace).toBe(parseSerial('NIG-FM-12-1-10', 'PREF_JVER').namespace);
    expect(regional.canonical).toBe('JCL-ERL-R012-1000001-1000500');
    expect(parseSerial('JC-ER-1-1-10', 'REGIONAL_JCREDIT').scheme).toBe('REGIONAL_JCREDIT');
  });

  it('accepts the hint that agrees with the symbol', () => {
    expect(parseSerial('KC-KC-1-1-10', 'DOMESTIC').scheme).toBe('DOMESTIC');
    expect(parseSerial('NIG-FM-12-1-10', 'PREF_JVER').scheme).toBe('PREF_JVER');
  });

  it.each([
    ['KC-KC-1-1-10', 'REGIONAL_JCREDIT'],
    ['JCL-ERL-R012-1-10', 'DOMESTIC'],
    ['JP-ER-1-1-10', 'JCREDIT'],
  ] as const)('refuses %s under scheme %s, naming the scheme', (serial, scheme) => {
    const error = expectInvalidSerial(() => parseSerial(serial, scheme), 'scheme');
    expect(error.message).toMatch(new RegExp(`^scheme ${scheme} was given but symbol \\w+ denotes \\w+$`));
  });

  it('reads the full-width form after normalisation', () => {
    expect(parseSerial('ＪＣＬ－ＥＲＬ－Ｒ０１２－１０００００１－１０００５００').canonical).toBe('JCL-ERL-R012-1000001-1000500');
  });

  it('reads lower case and leading zeros, printing them canonically', () => {
    const parsed = parseSerial('jcl-erl-r012-0001000001-1000500');
    expect(parsed.canonical).toBe('JCL-ERL-R012-1000001-1000500');
    expect(parsed.namespace).toBe('JCREDIT_REGISTRY:JCL-ERL-R012');
  });

  it('does not let Unicode case mappings forge letters (dotless ı is not I)', () => {
    expectInvalidSerial(() => parseSerial('jcl-erl-rı12-1-5'), 'serial.certificationNo');
  });

  it('SERIALS-jcredit: a certification number has 1 to 20 letters and digits', () => {
    expect(parseSerial(`JC-ER-${'A1'.repeat(10)}-1-5`).attributes['certificationNo']).toBe('A1'.repeat(10));
    const error = expectInvalidSerial(() => parseSerial(`JC-ER-${'A'.repeat(21)}-1-5`), 'serial.certificationNo');
    expect(error.details['expected']).toBe('1–20 letters and digits');
  });

  it.each([
    ['an unknown symbol', 'XYZ-ER-1-1-5', 'serial.symbol'],
    ['an unknown credit type', 'JCL-ZZ-1-1-5', 'serial.creditType'],
    ['a missing part', 'JCL-ERL-R012-1000001', 'serial'],
    ['an extra part', 'JCL-ERL-R012-7-1-5', 'serial'],
    ['a non-digit start', 'JCL-ERL-R012-1O-50', 'serial.start'],
    ['a non-digit end', 'JCL-ERL-R012-10-5O', 'serial.end'],
    ['an end above 2^63 − 1', 'JCL-ERL-R012-1-9223372036854775808', 'serial.end'],
    ['a start above 2^63 − 1', 'JCL-ERL-R012-99999999999999999999-99999999999999999999', 'serial.start'],
  ])('refuses %s', (_case, serial, field) => {
    expectInvalidSerial(() => parseSerial(serial), field);
  });

  it('refuses a reversed range saying which bound is wrong', () => {
    const error = expectInvalidSerial(() => parseSerial('JCL-ERL-R012-200-100'), 'serial.end');
    expect(error.message).toBe('end 100 is before start 200');
  });

  it('keeps the largest serial number exact', () => {
    const parsed = parseSerial('JC-ER-1-9223372036854775806-9223372036854775807');
    expect(parsed.range.quantity).toBe(2n);
    expect(parsed.canonical).toBe('JC-ER-1-9223372036854775806-9223372036854775807');
  });
});
