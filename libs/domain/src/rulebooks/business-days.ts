import holidayJp from '@holiday-jp/holiday_jp';
import { addDays, dateParts, type IsoDate } from './calendar';

/**
 * The certifier is the Ministry of the Environment, so a business day (営業日) is a day its offices
 * are open: 行政機関の休日に関する法律 第1条 closes them on Saturdays, Sundays, national holidays
 * (国民の祝日に関する法律, including substitute and citizens' holidays) and 12-29 to 01-03. The holiday
 * list is @holiday-jp/holiday_jp's (the holiday_jp project's data, through 2050; later years count
 * weekdays only until the package is updated).
 */
export function isBusinessDay(date: IsoDate): boolean {
  const { year, month, day } = dateParts(date);
  const instant = new Date(Date.UTC(year, month - 1, day));
  const weekday = instant.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  if ((month === 12 && day >= 29) || (month === 1 && day <= 3)) return false;
  return !HOLIDAYS.has(date);
}

/** The day `count` business days after `date` (the notification day itself not counted). */
export function addBusinessDays(date: IsoDate, count: number): IsoDate {
  let day = date;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    if (isBusinessDay(day)) left--;
  }
  return day;
}

const HOLIDAYS: ReadonlySet<IsoDate> = new Set(
  holidayJp.between(new Date('1990-01-01T00:00:00Z'), new Date('2100-12-31T00:00:00Z')).map((h) => h.date.toISOString().slice(0, 10)),
);
