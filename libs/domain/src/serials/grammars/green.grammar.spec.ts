import { parseSerial } from '../parse-serial';
import { expectInvalidSerial } from '../testing/expect-invalid-serial';

describe('green energy grammar', () => {
  it('SERIALS-green: reads a green power certificate block in kWh', () => {
    const parsed = parseSerial('GP-JQA01-2024000123-1-250000');
    expect(parsed).toMatchObject({
      scheme: 'GREEN_POWER',
      namespace: 'GREEN_POWER:GP-JQA01-2024000123',
      canonical: 'GP-JQA01-2024000123-1-250000',
      attributes: { issuer: 'JQA01', certificateNo: '2024000123', unit: 'kWh' },
    });
    expect(parsed.range.quantity).toBe(250000n);
  });

  it('SERIALS-green: reads a green heat certificate block in MJ', () => {
    expect(parseSerial('GH-JQA01-77-1001-2000')).toMatchObject({ scheme: 'GREEN_HEAT', attributes: { unit: 'MJ' } });
  });

  it('SERIALS-green: reads a certified CO2 equivalent in t-CO2e', () => {
    const parsed = parseSerial('GEQ-2023001-1-12');
    expect(parsed).toMatchObject({ scheme: 'GREEN_CO2', namespace: 'GREEN_CO2:GEQ-2023001' });
    expect(parsed.attributes).toEqual({ certificationNo: '2023001', unit: 't-CO2e' });
  });

  it('refuses a power certificate under the heat scheme', () => {
    expectInvalidSerial(() => parseSerial('GP-JQA01-77-1-5', 'GREEN_HEAT'), 'scheme');
  });

  it.each([
    ['a missing issuer', 'GP-77-1-5', 'serial'],
    ['an over-long certificate number', `GP-JQA-${'1'.repeat(21)}-1-5`, 'serial.certificateNo'],
    ['a reversed range', 'GEQ-1-9-5', 'serial.end'],
  ])('refuses %s', (_case, serial, field) => {
    expectInvalidSerial(() => parseSerial(serial), field);
  });
});
