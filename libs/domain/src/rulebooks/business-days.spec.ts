import { addBusinessDays, isBusinessDay } from './business-days';

describe('business days of the certifier (CNP-3.4.1; 行政機関の休日に関する法律 第1条)', () => {
  it.each([
    ['2026-11-30', true, 'a Monday'],
    ['2026-11-28', false, 'a Saturday'],
    ['2026-11-29', false, 'a Sunday'],
    ['2026-11-03', false, '文化の日'],
    ['2026-05-06', false, 'the substitute holiday for 憲法記念日 on a Sunday'],
    ['2026-09-22', false, 'the citizens’ holiday between 敬老の日 and 秋分の日'],
    ['2027-03-22', false, 'the substitute holiday for 春分の日 (2027-03-21, a Sunday)'],
    ['2026-12-28', true, 'the last open day of the year'],
    ['2026-12-29', false, 'the year-end closing'],
    ['2027-01-04', true, 'the first open day of the year'],
    ['2027-01-11', false, '成人の日 (second Monday of January)'],
  ])('%s is %s: %s', (date, open) => {
    expect(isBusinessDay(date)).toBe(open);
  });

  it('counts Golden Week out', () => {
    // 2027-04-29 (Thu) 昭和の日, 04-30 open, 05-03..05 holidays.
    expect(addBusinessDays('2027-04-28', 1)).toBe('2027-04-30');
    expect(addBusinessDays('2027-04-30', 1)).toBe('2027-05-06');
  });
});
