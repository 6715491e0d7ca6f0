import { en } from './en';
import { ja, type Strings } from './ja';

export type Lang = 'ja' | 'en';
export const LANGS: readonly Lang[] = ['ja', 'en'];
export type { Strings };

const TABLES: Record<Lang, Strings> = { ja, en };

export function stringsFor(lang: Lang): Strings {
  return TABLES[lang];
}

export function isLang(value: unknown): value is Lang {
  return value === 'ja' || value === 'en';
}
