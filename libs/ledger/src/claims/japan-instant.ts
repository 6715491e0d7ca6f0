import { todayInJapan } from '../retirements/japan-date';

/** The Japan (JST) calendar day of an ISO instant: the registry's calendar for process dates. */
export function japanDateOf(instant: string): string {
  return todayInJapan(new Date(instant));
}
