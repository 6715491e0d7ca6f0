import { detachedText } from './detached-text';

/**
 * A pure function of one string, remembered for the texts it has seen: a million export rows repeat
 * a few thousand beneficiaries, dates and registry names. At most `capacity` texts are kept; when
 * full it starts again empty (the texts of one export come in runs, so the working set refills). A
 * text is kept as a copy of its own (`detachedText`), never as a slice that would keep the chunk of
 * a file it was read from alive.
 */
export function memoizeText<T>(compute: (text: string) => T, capacity = 10_000): (text: string) => T {
  let known = new Map<string, T>();
  return (text) => {
    const found = known.get(text);
    if (found !== undefined || known.has(text)) return found as T;
    const value = compute(text);
    if (known.size >= capacity) known = new Map();
    known.set(detachedText(text), value);
    return value;
  };
}
