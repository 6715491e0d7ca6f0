import { memoizeText } from './text-memo';

/**
 * Free text as words to compare: width and case folded (NFKC, lower case), every run of anything
 * but letters and digits one space, trimmed. Remembered per text: a reconciliation compares the
 * same few thousand names a million times.
 */
export const foldedWords = memoizeText((text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim());
