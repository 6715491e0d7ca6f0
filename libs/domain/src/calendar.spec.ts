import fc from 'fast-check';
import {
  addDays,
  deadlineAfter,
  fiscalYearFirstDay,
  fiscalYearLastDay,
  fiscalYearOf,
  isCalendarDate,
  isCalendarDateText,
  isIsoDate,
  periodLastDay,
  todayInJapan,
} from './calendar';
import * as rulebooksCalendar from './rulebooks/calendar';
import * as serialsCalendar from './serials/calendar-date';

describe('calendar (民法 140/143 period counting)', () => {
  it('ends a period that counts its first day the day before the corresponding day', () => {
    expect(periodLastDay('2024-04-01', 12)).toBe('2025-03-31');
    expect(periodLastDay('2024-04-15', 6)).toBe('2024-10-14');
    expect(periodLastDay('2024-04-01', 24)).toBe('2026-03-31');
  });

  it('ends at the month end when the final month has no corresponding day', () => {
    expect(periodLastDay('2024-02-29', 12)).toBe('2025-02-28');
    expect(periodLastDay('2024-01-31', 1)).toBe('2024-02-29');
    expect(periodLastDay('2023-01-31', 1)).toBe('2023-02-28');
  });

  it('does not count the event day of "within N months of" (the window runs to the corresponding day)', () => {
    expect(deadlineAfter('2024-04-01', 12)).toBe('2025-04-01');
    expect(deadlineAfter('2025-03-31', 6)).toBe('2025-09-30');
    expect(deadlineAfter('2025-01-15', 6)).toBe('2025-07-15');
    expect(deadlineAfter('2024-08-31', 6)).toBe('2025-02-28');
    // counted from 2023-03-01, one year ends the day before 2024-03-01
    expect(deadlineAfter('2023-02-28', 12)).toBe('2024-02-29');
  });

  it('reads Japanese fiscal years: FY1990 = 1990-04-01..1991-03-31', () => {
    expect(fiscalYearOf('1990-04-01')).toBe(1990);
    expect(fiscalYearOf('1991-03-31')).toBe(1990);
    expect(fiscalYearOf('1990-03-31')).toBe(1989);
    expect(fiscalYearFirstDay(1990)).toBe('1990-04-01');
    expect(fiscalYearLastDay(2012)).toBe('2013-03-31');
  });

  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-4-1')).toBe(false);
    expect(isIsoDate(20240401)).toBe(false);
  });

  it('a 12-month period ends the day before the date 12 months on, whenever that date exists', () => {
    const day = fc.record({ y: fc.integer({ min: 1990, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
    fc.assert(
      fc.property(day, ({ y, m, d }) => {
        const pad = (n: number) => String(n).padStart(2, '0');
        const start = `${y}-${pad(m)}-${pad(d)}`;
        expect(addDays(periodLastDay(start, 12), 1)).toBe(`${y + 1}-${pad(m)}-${pad(d)}`);
        // 起算日 is the next day; around a leap day that can move the deadline by one day (see below).
        if (m !== 2) expect(deadlineAfter(start, 12)).toBe(`${y + 1}-${pad(m)}-${pad(d)}`);
      }),
    );
  });
});

describe('the one calendar module: the serial grammars’ and the ledger’s date helpers come from it', () => {
  it('checks real dates by parts and as text, and turns to the next Japanese day at 15:00 UTC', () => {
    expect(isCalendarDate(2024, 2, 29)).toBe(true);
    expect(isCalendarDate(2025, 2, 29)).toBe(false);
    expect(isCalendarDateText('0001-01-01')).toBe(true);
    expect(isCalendarDateText('2025-02-29')).toBe(false);
    expect(isCalendarDateText('2025-1-01')).toBe(false);
    expect(todayInJapan(new Date('2026-03-31T14:59:59Z'))).toBe('2026-03-31');
    expect(todayInJapan(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04-01');
  });

  it('is what the old paths re-export', () => {
    expect(serialsCalendar.isCalendarDate).toBe(isCalendarDate);
    expect(rulebooksCalendar.periodLastDay).toBe(periodLastDay);
  });
});
