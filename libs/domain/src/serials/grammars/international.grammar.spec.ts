import { formatSerial, parseSerial } from '../parse-serial';
import { expectInvalidSerial } from '../testing/expect-invalid-serial';

describe('Verra grammar', () => {
  const VCU = '19381-941412555-941441125-VCS-VCU-1310-VER-CN-13-3005-01012022-31102022-0';

  it('SERIALS-verra: names the 13 fields', () => {
    const parsed = parseSerial(VCU);
    expect(parsed).toMatchObject({ scheme: 'VERRA', namespace: 'VERRA:VCU', canonical: VCU });
    expect(parsed.range.quantity).toBe(28571n);
    expect(parsed.attributes).toEqual({
      batch: '19381',
      program: 'VCS',
      unitType: 'VCU',
      verifierId: '1310',
      registry: 'VER',
      country: 'CN',
      sectoralScope: 13,
      projectId: '3005',
      vintageStart: '2022-01-01',
      vintageEnd: '2022-10-31',
      labelled: false,
    });
  });

  it('SERIALS-verra: reads the legacy 12-field form and keeps it 12 fields', () => {
    const legacy = '8344-23816000-23816120-VCU-016-MER-IN-1-711-01012011-31122011-1';
    const parsed = parseSerial(legacy);
    expect(parsed.canonical).toBe(legacy);
    expect(parsed.attributes).toMatchObject({ program: null, verifierId: '016', registry: 'MER', labelled: true });
    expect(parsed.namespace).toBe(parseSerial(VCU).namespace);
  });

  it.each([
    ['an impossible vintage start', VCU.replace('01012022', '31022022'), 'serial.vintageStart'],
    ['a vintage end before its start', VCU.replace('31102022', '31122021'), 'serial.vintageEnd'],
    ['a label flag other than 0 or 1', `${VCU.slice(0, -1)}2`, 'serial.labelFlag'],
    ['a three-letter country', VCU.replace('-CN-', '-CHN-'), 'serial.country'],
    ['too few fields', '19381-941412555-941441125-VCS-VCU', 'serial'],
    ['a reversed range', VCU.replace('941441125', '941412554'), 'serial.end'],
  ])('refuses %s', (_case, serial, field) => {
    expectInvalidSerial(() => parseSerial(serial), field);
  });
});

describe('Gold Standard grammar', () => {
  it('SERIALS-gold-standard: reads prefix, country, project, type, vintage, batch, start and end', () => {
    const parsed = parseSerial('GS1-1-KE-GS11603-16-2025-30256-110-5463');
    expect(parsed).toMatchObject({
      scheme: 'GOLD_STANDARD',
      namespace: 'GOLD_STANDARD:GS1-1-KE-GS11603-16-2025-30256',
      attributes: { prefix: 'GS1-1', country: 'KE', projectId: 'GS11603', projectType: '16', vintage: 2025, batch: '30256' },
    });
    expect(parsed.range.quantity).toBe(5354n);
  });

  it.each([
    ['a missing batch', 'GS1-1-KE-GS11603-16-2025-110-5463', 'serial'],
    ['a project without GS', 'GS1-1-KE-11603-16-2025-30256-110-5463', 'serial.projectId'],
    ['a two-digit vintage', 'GS1-1-KE-GS11603-16-25-30256-110-5463', 'serial.vintage'],
  ])('refuses %s', (_case, serial, field) => {
    expectInvalidSerial(() => parseSerial(serial), field);
  });
});

describe('"<prefix>-<start> to <end>" grammar (ACR, CAR, ART)', () => {
  it.each([
    ['ACR-US-1185-2025-3078-1 to 85847', 'ACR', 'ACR:ACR-US-1185-2025-3078', { country: 'US', projectNumber: '1185', vintage: 2025 }],
    [
      'CAR-1-US-1335-31-983-KS-2025-9205-1 to 5000',
      'CAR',
      'CAR:CAR-1-US-1335-31-983-KS-2025-9205',
      { creditClass: '1', projectNumber: '1335', region: 'KS', vintage: 2025, batch: '9205' },
    ],
    ['CAR-ROC-US-2056-129-2283-WV-2025-8969-1 to 260294', 'CAR', 'CAR:CAR-ROC-US-2056-129-2283-WV-2025-8969', { creditClass: 'ROC' }],
    ['ART-GY-102-2021-11-2759599 to 2760598', 'ART', 'ART:ART-GY-102-2021-11', { lead: 'ART', programNumber: '102' }],
    ['FCPF-CI-130-2023-20-1 to 46404', 'ART', 'ART:FCPF-CI-130-2023-20', { lead: 'FCPF', country: 'CI' }],
  ])('reads %s: the number before " to " starts the block, the prefix is the namespace', (serial, scheme, namespace, attributes) => {
    const parsed = parseSerial(serial);
    expect(parsed).toMatchObject({ scheme, namespace, canonical: serial, attributes });
  });

  it('prints " to " in lower case and the prefix in upper case', () => {
    expect(parseSerial('acr-us-1185-2025-3078-1 TO 85847').canonical).toBe('ACR-US-1185-2025-3078-1 to 85847');
  });

  it.each([
    ['a missing " to "', 'ACR-US-1185-2025-3078-1-85847', 'serial'],
    ['a CAR prefix with a part missing', 'CAR-1-US-1335-31-KS-2025-9205-1 to 5000', 'serial'],
    ['a non-numeric vintage', 'ART-GY-102-20X1-11-1 to 5', 'serial.vintage'],
    ['a reversed range', 'ACR-US-1185-2025-3078-90 to 10', 'serial.end'],
  ])('refuses %s', (_case, serial, field) => {
    expectInvalidSerial(() => parseSerial(serial), field);
  });

  it('refuses an ACR serial under the CAR scheme', () => {
    expectInvalidSerial(() => parseSerial('ACR-US-1185-2025-3078-1 to 85847', 'CAR'), 'scheme');
  });
});

describe('Cercarbono grammar', () => {
  it('reads "<block code> <from> to <to>" with the block code as namespace', () => {
    const parsed = parseSerial('CDC_1_1_1_321_14_1_2009 4426 to 4971');
    expect(parsed).toMatchObject({
      scheme: 'CERCARBONO',
      namespace: 'CERCARBONO:CDC_1_1_1_321_14_1_2009',
      canonical: 'CDC_1_1_1_321_14_1_2009 4426 to 4971',
      attributes: { blockCode: 'CDC_1_1_1_321_14_1_2009', projectNumber: '1', buffer: false },
    });
    expect(parsed.range.quantity).toBe(546n);
  });

  it.each(['CDC_1_1_1_321_14_1_BF', 'CDC_4_1_1_321_14_R1_XX_CO_1_2_BFC_2018'])('marks buffer block %s', (code) => {
    expect(parseSerial(`${code} 1 to 10`).attributes['buffer']).toBe(true);
  });

  it('refuses a block code without its range', () => {
    expectInvalidSerial(() => parseSerial('CDC_1_1_1_321_14_1_2009'), 'serial');
  });

  it('prints a split-off piece of a block as its own serial', () => {
    const block = parseSerial('CDC_1_1_1_321_14_1 1 to 62740');
    const retired = parseSerial('CDC_1_1_1_321_14_1 1000 to 62739');
    const { before, after } = block.range.split(retired.range);
    expect(formatSerial({ ...block, range: before! })).toBe('CDC_1_1_1_321_14_1 1 to 999');
    expect(formatSerial({ ...block, range: after! })).toBe('CDC_1_1_1_321_14_1 62740 to 62740');
  });
});
