/**
 * The registry's one calendar module: real-date checks, Civil Code period arithmetic, Japanese fiscal
 * years and today's date in Japan. `rulebooks/calendar`, `serials/calendar-date` and the ledger's
 * `retirements/japan-date` re-export it.
 */

/** Whether year-month-day names a real Gregorian date (no Date object, no time zone). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Calendar dates as `YYYY-MM-DD` text (no time zone). Valid ISO dates compare correctly as strings.
 *
 * Period arithmetic follows the Japanese Civil Code, which the standards' "N months/years" rely on:
 *  - a period that starts on a day counts that day (民法 140 proviso) and ends the day before the
 *    day corresponding to its start N months later, or at the end of that month when it has no
 *    such day (民法 143 (2)): `periodLastDay` (2024-04-01 + 1 year → 2025-03-31);
 *  - "within N months of an event" does not count the event's day (民法 140), so the window runs to
 *    the corresponding day: `deadlineAfter` (applied 2024-04-01, within 1 year → by 2025-04-01).
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  return match !== null && Number(match[1]) >= 1000 && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function dateParts(date: IsoDate): DateParts {
  const match = ISO_DATE.exec(date);
  if (!match || !isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day + days);
  return isoDate(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

function monthsLater(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Last day of a period of `months` months whose first day is `firstDay` (first day counted). */
export function periodLastDay(firstDay: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(firstDay);
  const target = monthsLater(year, month, months);
  if (day > daysInMonth(target.year, target.month)) return isoDate(target.year, target.month, daysInMonth(target.year, target.month));
  return addDays(isoDate(target.year, target.month, day), -1);
}

/** Last day of "within `months` months of" an event on `eventDay` (event day not counted). */
export function deadlineAfter(eventDay: IsoDate, months: number): IsoDate {
  return periodLastDay(addDays(eventDay, 1), months);
}

export function latest(dates: readonly IsoDate[]): IsoDate {
  return dates.reduce((a, b) => (b > a ? b : a));
}

export function earliest(dates: readonly IsoDate[]): IsoDate {
  return dates.reduce((a, b) => (b < a ? b : a));
}

/** Japanese fiscal year (年度): FY1990 runs 1990-04-01..1991-03-31. */
export function fiscalYearOf(date: IsoDate): number {
  const { year, month } = dateParts(date);
  return month >= 4 ? year : year - 1;
}

export function fiscalYearFirstDay(fiscalYear: number): IsoDate {
  return isoDate(fiscalYear, 4, 1);
}

export function fiscalYearLastDay(fiscalYear: number): IsoDate {
  return isoDate(fiscalYear + 1, 3, 31);
}

/** "1 year", "6 months", "2 years" for messages. */
export function describeMonths(months: number): string {
  if (months % 12 === 0) return months === 12 ? '1 year' : `${months / 12} years`;
  return months === 1 ? '1 month' : `${months} months`;
}

/** Whether `text` is a real date written YYYY-MM-DD (any year from 0001). */
export function isCalendarDateText(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Japan Standard Time is UTC+9 all year (no daylight saving). */
export const JAPAN_UTC_OFFSET_MS = 9 * 3600_000;

/** `YYYY-MM-DDTHH:MM…` of an instant on Japan's wall clock (as an ISO string without its meaning of UTC). */
export function japanWallClock(instant: Date): string {
  return new Date(instant.getTime() + JAPAN_UTC_OFFSET_MS).toISOString();
}

/** Today's date in Japan (JST, UTC+9, no daylight saving): the registry's calendar. */
export function todayInJapan(now = new Date()): IsoDate {
  return japanWallClock(now).slice(0, 10);
}
