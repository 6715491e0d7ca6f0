import { certificateVerifyUrl, formatInstant, formatQuantity, trimBase } from './certificate-format';

describe('certificate view helpers', () => {
  it('formats decimal-string quantities with thousands separators, without going through floats', () => {
    expect(formatQuantity('0')).toBe('0');
    expect(formatQuantity('999')).toBe('999');
    expect(formatQuantity('1000')).toBe('1,000');
    expect(formatQuantity('1000001')).toBe('1,000,001');
    expect(formatQuantity('12345.678')).toBe('12,345.678');
    // Past 2^53: a float would round the last digits.
    expect(formatQuantity('90071992547409931')).toBe('90,071,992,547,409,931');
    expect(formatQuantity('not a number')).toBe('not a number');
  });

  it('prints instants in Japan time with the zone shown, and leaves other text alone', () => {
    expect(formatInstant('2026-03-02T01:15:00.000Z')).toBe('2026-03-02 10:15 JST (UTC+9)');
    expect(formatInstant('2026-03-02T10:15:00+09:00')).toBe('2026-03-02 10:15 JST (UTC+9)');
    expect(formatInstant('2026-03-02T20:30:00.000Z')).toBe('2026-03-03 05:30 JST (UTC+9)');
    expect(formatInstant('soon')).toBe('soon');
  });

  it('builds the verify URL from PUBLIC_BASE_URL, encoding the number', () => {
    expect(certificateVerifyUrl('https://registry.example.jp/', 'RC-2026-000123')).toBe('https://registry.example.jp/verify/RC-2026-000123');
    expect(certificateVerifyUrl('http://localhost:3000', 'RC/1 2')).toBe('http://localhost:3000/verify/RC%2F1%202');
    expect(trimBase('https://x.jp/registry///')).toBe('https://x.jp/registry');
    expect(trimBase('')).toBe('');
  });
});
