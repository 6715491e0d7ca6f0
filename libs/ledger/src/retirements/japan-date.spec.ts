import { certificateNumber, isCalendarDate, todayInJapan } from './japan-date';

describe('the registry calendar (Japan time)', () => {
  it('turns to the next day at 15:00 UTC', () => {
    expect(todayInJapan(new Date('2026-03-31T14:59:59Z'))).toBe('2026-03-31');
    expect(todayInJapan(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04-01');
  });

  it('accepts real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
  });

  it('prints certificate numbers with at least six digits', () => {
    expect(certificateNumber(2026, 123)).toBe('RC-2026-000123');
    expect(certificateNumber(2026, 1234567)).toBe('RC-2026-1234567');
  });
});
