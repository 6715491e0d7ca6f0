import { isCalendarDate, isoDate } from '../serials/calendar-date';
import { memoizeText } from '../text/text-memo';

/**
 * Reads the date of an export cell as YYYY-MM-DD: ISO dates and instants ("2026-04-10",
 * "2022-02-24 20:20:59", "2026-04-13T12:35:58.842275") and the US month/day/year of ACR, CAR and
 * ART ("4/13/2026 7:17:56 PM", "02/28/2025"). The time of day is dropped: the exports name no zone
 * but GMT, and the comparison allows a day either side. Empty → undefined; unreadable → null.
 */
export function exportDate(text: string | undefined): string | undefined | null {
  const value = (text ?? '').trim();
  if (value === '') return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value);
  const us = iso ? null : /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:$| )/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : [];
  if (year === undefined) return null;
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  return isCalendarDate(y, m, d) ? isoDate(y, m, d) : null;
}

/** Whole days from `a` to `b` (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((midnightUtc(b) - midnightUtc(a)) / 86_400_000);
}

const midnightUtc = memoizeText((date: string) => Date.parse(`${date}T00:00:00Z`));
