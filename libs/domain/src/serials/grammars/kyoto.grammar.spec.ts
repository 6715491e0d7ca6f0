import { parseSerial } from '../parse-serial';
import { expectInvalidSerial } from '../testing/expect-invalid-serial';

const REAL_EXPORT_CER = 'RW-5-1463953-2-2-0-7014 - RW-5-1467609-2-2-0-7014';

describe('Kyoto grammar', () => {
  it('SERIALS-kyoto: reads the real-export block as 3,657 CERs of party RW', () => {
    const parsed = parseSerial(REAL_EXPORT_CER);
    expect(parsed).toMatchObject({ scheme: 'KYOTO', namespace: 'KYOTO:RW', canonical: REAL_EXPORT_CER });
    expect(parsed.range.quantity).toBe(3657n);
    expect(parsed.attributes).toEqual({
      party: 'RW',
      unitType: 5,
      unitTypeName: 'CER',
      supplementaryUnitType: 0,
      originalCommitmentPeriod: 2,
      applicableCommitmentPeriod: 2,
      lulucfActivity: 0,
      projectId: '7014',
      track: null,
      expiryDate: null,
    });
  });

  it('reads the compact form as the same block, printed in the full form', () => {
    expect(parseSerial('RW-5-1463953-1467609-2-2-0-7014').canonical).toBe(REAL_EXPORT_CER);
  });

  it('reads a single unit written start = end', () => {
    expect(parseSerial('JP-1-42-1-1-0 - JP-1-42-1-1-0').range.quantity).toBe(1n);
  });

  it('SERIALS-kyoto: the namespace is the party alone, so an AAU and the ERU converted from it collide', () => {
    const aau = parseSerial('UA-1-100-1000-1-1-0');
    const eru = parseSerial('UA-3-500-600-1-1-0-88');
    expect(aau.namespace).toBe(eru.namespace);
    expect(aau.range.overlaps(eru.range)).toBe(true);
  });

  it('prints lower-case, leading zeros, dash variants and full-width digits canonically', () => {
    expect(parseSerial('rw-5-001463953-2-2-0-07014 – rw-5-1467609-2-2-0-7014').canonical).toBe(REAL_EXPORT_CER);
    expect(parseSerial('ＲＷ－５－１４６３９５３－２－２－０－７０１４　－　ＲＷ－５－１４６７６０９－２－２－０－７０１４').canonical).toBe(
      REAL_EXPORT_CER,
    );
  });

  it('reads GH-5-… as a Ghanaian CER, not a green heat certificate', () => {
    expect(parseSerial('GH-5-10-20-1-2-0-3').scheme).toBe('KYOTO');
  });

  it('accepts the European Union as a party', () => {
    expect(parseSerial('EU-1-1-5-1-2-0').namespace).toBe('KYOTO:EU');
  });

  describe('ERU track and tCER/lCER expiry suffixes', () => {
    it('reads an ERU track as -T1 / -T2', () => {
      const parsed = parseSerial('UA-4-10-20-1-1-3-55-T2');
      expect(parsed.attributes).toMatchObject({ unitType: 4, unitTypeName: 'ERU', track: 2, lulucfActivity: 3 });
      expect(parsed.canonical).toBe('UA-4-10-1-1-3-55-T2 - UA-4-20-1-1-3-55-T2');
    });

    it('reads a tCER expiry date as -EYYYY-MM-DD', () => {
      const parsed = parseSerial('CN-6-100-1-2-1-555-E2027-12-31 - CN-6-200-1-2-1-555-E2027-12-31');
      expect(parsed.attributes).toMatchObject({ unitTypeName: 'tCER', expiryDate: '2027-12-31' });
    });

    it('SERIALS-kyoto: the track is for ERUs only', () => {
      expectInvalidSerial(() => parseSerial('RW-5-1-9-2-2-0-7014-T1'), 'serial.track');
    });

    it('SERIALS-kyoto: a track is 1 or 2', () => {
      expectInvalidSerial(() => parseSerial('UA-3-1-9-1-1-0-55-T3'), 'serial.track');
    });

    it('SERIALS-kyoto: only tCER and lCER carry an expiry date', () => {
      expectInvalidSerial(() => parseSerial('RW-5-1-9-2-2-0-7014-E2027-12-31'), 'serial.expiryDate');
    });

    it('refuses an expiry date that is not a real date', () => {
      const error = expectInvalidSerial(() => parseSerial('CN-7-1-9-1-1-1-5-E2027-02-29'), 'serial.expiryDate');
      expect(error.message).toBe('expiry date 2027-02-29 is not a real date');
    });
  });

  describe('per-type rules', () => {
    it('SERIALS-kyoto: a CER needs a project identifier', () => {
      const error = expectInvalidSerial(() => parseSerial('RW-5-1463953-2-2-0 - RW-5-1467609-2-2-0'), 'serial.projectId');
      expect(error.message).toBe('a CER needs a project identifier');
    });

    it('SERIALS-kyoto: a project identifier of zero counts as missing', () => {
      expectInvalidSerial(() => parseSerial('RW-5-1-9-2-2-0-0'), 'serial.projectId');
    });

    it('SERIALS-kyoto: an lCER needs an expiry date', () => {
      const error = expectInvalidSerial(() => parseSerial('CN-7-100-200-1-2-1-555'), 'serial.expiryDate');
      expect(error.message).toBe('an lCER needs an expiry date');
    });

    it('SERIALS-kyoto: the applicable commitment period is not before the original one', () => {
      const error = expectInvalidSerial(() => parseSerial('JP-1-1-9-2-1-0'), 'serial.applicableCommitmentPeriod');
      expect(error.message).toBe('applicable commitment period 1 is before the original commitment period 2');
    });

    it('SERIALS-kyoto: an RMU needs a LULUCF activity', () => {
      const error = expectInvalidSerial(() => parseSerial('JP-2-1-9-1-1-0'), 'serial.lulucfActivity');
      expect(error.message).toBe('an RMU (unit type 2) needs a LULUCF activity other than 0');
      expect(parseSerial('JP-2-1-9-1-1-3').attributes['lulucfActivity']).toBe(3);
    });

    it('SERIALS-kyoto: an ERU converted from an RMU needs a LULUCF activity', () => {
      expectInvalidSerial(() => parseSerial('UA-4-1-9-1-1-0-55'), 'serial.lulucfActivity');
    });

    it('SERIALS-kyoto: AAU and RMU carry no project identifier', () => {
      expectInvalidSerial(() => parseSerial('JP-1-1-9-1-1-0-7014'), 'serial.projectId');
    });

    it.each([
      ['unit type 8', 'JP-8-1-9-1-1-0', 'serial.unitType'],
      ['unit type 0', 'JP-0-1-9-1-1-0', 'serial.unitType'],
      ['commitment period 3', 'JP-1-1-9-3-3-0', 'serial.originalCommitmentPeriod'],
      ['applicable period 3', 'JP-1-1-9-1-3-0', 'serial.applicableCommitmentPeriod'],
      ['LULUCF activity 8', 'JP-2-1-9-1-1-8', 'serial.lulucfActivity'],
      ['party XX', 'XX-1-1-9-1-1-0', 'serial.party'],
      ['a non-digit serial', 'RW-5-14639A3-2-2-0-7014 - RW-5-1467609-2-2-0-7014', 'serial.start'],
      ['a non-digit end serial', 'RW-5-1463953-2-2-0-7014 - RW-5-14676O9-2-2-0-7014', 'serial.end'],
      ['a truncated end', 'RW-5-1463953-2-2-0-7014 - RW-5-1467609-2', 'serial'],
      ['a second " - "', `${REAL_EXPORT_CER} - RW-5-1467609-2-2-0-7014`, 'serial'],
      ['a malformed expiry', 'CN-7-1-9-1-1-1-5-E27-12-31', 'serial.expiryDate'],
      ['a serial above 2^63 − 1', 'JP-1-1-9223372036854775808-1-1-0', 'serial.end'],
    ])('refuses %s', (_case, serial, field) => {
      expectInvalidSerial(() => parseSerial(serial), field);
    });

    it('refuses a reversed block with a readable message', () => {
      const error = expectInvalidSerial(() => parseSerial('RW-5-1467609-2-2-0-7014 - RW-5-1463953-2-2-0-7014'), 'serial.end');
      expect(error.message).toBe('end 1463953 is before start 1467609');
    });
  });

  describe('SERIALS-kyoto: both ends agree on every field but the serial', () => {
    it.each([
      ['originating party', 'RW-5-1-2-2-0-7014 - KE-5-9-2-2-0-7014', 'serial.party', 'RW vs KE'],
      ['unit type', 'RW-5-1-2-2-0-7014 - RW-4-9-2-2-0-7014', 'serial.unitType', '5 vs 4'],
      ['original commitment period', 'RW-5-1-1-2-0-7014 - RW-5-9-2-2-0-7014', 'serial.originalCommitmentPeriod', '1 vs 2'],
      ['applicable commitment period', 'RW-5-1-2-2-0-7014 - RW-5-9-2-1-0-7014', 'serial.applicableCommitmentPeriod', '2 vs 1'],
      ['LULUCF activity', 'RW-5-1-2-2-0-7014 - RW-5-9-2-2-1-7014', 'serial.lulucfActivity', '0 vs 1'],
      ['project identifier', 'RW-5-1-2-2-0-7014 - RW-5-9-2-2-0-7015', 'serial.projectId', '7014 vs 7015'],
      ['track', 'UA-3-1-1-1-0-5-T1 - UA-3-9-1-1-0-5-T2', 'serial.track', '1 vs 2'],
      ['expiry date', 'CN-6-1-1-1-1-5-E2027-01-01 - CN-6-9-1-1-1-5-E2028-01-01', 'serial.expiryDate', '2027-01-01 vs 2028-01-01'],
    ])('refuses ends that differ in the %s', (label, serial, field, values) => {
      const error = expectInvalidSerial(() => parseSerial(serial), field);
      expect(error.message).toBe(`the start and the end disagree on the ${label}: ${values}`);
    });

    it('does not count case or leading zeros as a difference', () => {
      expect(parseSerial('rw-5-1-2-2-0-7014 - RW-5-9-2-2-0-07014').canonical).toBe('RW-5-1-2-2-0-7014 - RW-5-9-2-2-0-7014');
    });
  });
});
