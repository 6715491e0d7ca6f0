// Dates come from the one calendar module in @registry/domain; these names keep the ledger's imports working.
export { isCalendarDateText as isCalendarDate, todayInJapan } from '@registry/domain';

/** RC-2026-000123: the year is Japan's calendar year of issue; at least six digits. */
export function certificateNumber(year: number, sequence: number): string {
  return `RC-${year}-${String(sequence).padStart(6, '0')}`;
}
